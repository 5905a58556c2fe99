/**
 * An editor's status line: which Python runs, load progress with a retry after a failure, and the
 * elapsed time of a run in progress. It keeps its height whatever it shows (no layout shift).
 */
import { preload, pythonName, runtime, watchRuntime, type RuntimeView } from './runtime.ts';

const shown = new WeakMap<HTMLElement, RunStatus>();

// Which status lines are on screen. A lesson has up to 30: while Python loads, only those the reader
// can see follow the progress bar and stage; the others change only when the state does (loading,
// ready, failed), so the page is not restyled each frame for lines nobody sees.
let onScreen: IntersectionObserver | null = null;
function watchOnScreen(root: HTMLElement, status: RunStatus) {
  if (!('IntersectionObserver' in window)) return status.setOnScreen(true);
  onScreen ??= new IntersectionObserver((entries) => {
    for (const e of entries) shown.get(e.target as HTMLElement)?.setOnScreen(e.isIntersecting);
  });
  onScreen.observe(root);
}

function setText(el: HTMLElement, text: string) {
  if (el.textContent !== text) el.textContent = text;
}

function setHidden(el: HTMLElement, hidden: boolean) {
  if (el.hidden !== hidden) el.hidden = hidden;
}

/** A status line's content apart from load progress: off screen, only a change of this redraws it. */
function shape(v: RuntimeView): string {
  return `${v.state} ${v.info ? pythonName(v.info) : ''} ${v.error ?? ''}`;
}

export class RunStatus {
  /** The one RunStatus of a status element (the page's preloader and the editor share it). */
  static for(root: HTMLElement): RunStatus {
    let status = shown.get(root);
    if (!status) { status = new RunStatus(root); shown.set(root, status); watchOnScreen(root, status); }
    return status;
  }

  private readonly text: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly retry: HTMLButtonElement;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;
  private view: RuntimeView | null = null;
  private visible = false;
  private drawn = ''; // what the line shows apart from progress (see shape())

  constructor(root: HTMLElement) {
    this.text = root.querySelector('[data-status-text]')!;
    this.bar = root.querySelector('progress')!;
    this.retry = root.querySelector('[data-retry]')!;
    this.retry.addEventListener('click', () => { runtime().load().catch(() => {}); });
    watchRuntime((view) => {
      this.view = view;
      if (!this.running && (this.visible || shape(view) !== this.drawn)) this.scheduleRender();
    });
  }

  /** Called as the line comes on or goes off screen: on screen, it shows the latest progress. */
  setOnScreen(visible: boolean) {
    this.visible = visible;
    if (visible && !this.running) this.scheduleRender();
  }

  // Progress arrives every 50 ms for every editor on the page: draw at most once a frame, and touch
  // the DOM only where something changed (a same-text write still costs the whole page a layout).
  private pending = false;

  private scheduleRender() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; if (!this.running) this.render(); });
  }

  private render() {
    const v = this.view;
    if (!v) return;
    this.drawn = shape(v);
    setHidden(this.retry, v.state !== 'failed');
    setHidden(this.bar, v.state !== 'loading');
    if (v.state === 'loading') {
      const p = v.progress;
      this.bar.max = Math.max(p?.total ?? 1, 1);
      this.bar.value = p?.loaded ?? 0;
      const stage = { download: 'downloading Python', 'start-python': 'starting Python', 'load-server': 'loading the WSGI server', ready: 'ready' }[p?.stage ?? 'download'];
      setText(this.text, `Loading Python: ${stage}…`);
    } else if (v.state === 'failed') {
      setText(this.text, `${v.error ?? 'Python could not be started.'} Check your connection, then retry.`);
    } else if (v.info) {
      setText(this.text, `Python ready: ${pythonName(v.info)}.`);
    } else {
      setText(this.text, 'Runs on Pyodide’s CPython in your browser; it starts when needed.');
    }
  }

  /** Show the elapsed time of a run until `done` is called. */
  startRun(): () => void {
    this.running = true;
    const started = performance.now();
    this.bar.hidden = true;
    const tick = () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const loading = runtime().state === 'loading';
      this.bar.hidden = !loading;
      if (loading && this.view?.progress) {
        this.bar.max = Math.max(this.view.progress.total, 1);
        this.bar.value = this.view.progress.loaded;
      }
      this.text.textContent = loading ? `Loading Python, then running… ${seconds} s` : `Running… ${seconds} s`;
    };
    tick();
    this.timer = setInterval(tick, 100);
    return () => {
      clearInterval(this.timer);
      this.running = false;
      this.render();
    };
  }
}

/**
 * Start Python early for every editor that comes near the viewport, once the browser is idle; each
 * editor's status line (a [data-status] inside it) shows the progress from then on.
 */
export function preloadNear(editors: Element[]): void {
  for (const editor of editors) {
    const root = editor.querySelector<HTMLElement>('[data-status]');
    if (root) RunStatus.for(root);
  }
  if (!('IntersectionObserver' in window)) return;
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer.disconnect();
    const idle = (window as { requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    if (idle) idle(() => preload(), { timeout: 3000 });
    else setTimeout(preload, 200);
  }, { rootMargin: '600px 0px' });
  for (const el of editors) observer.observe(el);
}
