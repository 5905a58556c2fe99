/**
 * The only door UI code uses into Python: load, files, requests and scripts, live output, and a stop
 * that always works. Runs go one at a time. A run past its time limit (or cancelled) is interrupted
 * through the SharedArrayBuffer when the page is cross-origin isolated; if Python has not stopped
 * within the grace period, or cannot be interrupted, its worker is terminated and a warm standby
 * (or a fresh worker) takes over with the reader's files. A run's phases and every transition between
 * them are in run-lifecycle.ts; this class turns what happens into its events and does what it asks.
 */
import { Emitter } from './emitter.ts';
import { encodeRequest, type HttpRequest } from './http-request.ts';
import type { ExerciseCheck, ExerciseKind, ReadyInfo, RunResult, SimulationSpec, Workspace } from './protocol.ts';
import type { RunHandle, RunOptions, RuntimeEvents, RuntimeOptions, RuntimeState } from './client-types.ts';
import { createJob, settingsFor, type Job, type RunMessage } from './run-job.ts';
import type { RunDriver, RunEvent } from './run-lifecycle.ts';
import { unresponsiveNotice } from './stop-notices.ts';
import { createBrowserWorker } from './browser-worker.ts';
import { newId, WorkerGone, WorkerSlot, WorkerUnresponsive, type LoadProgress, type WorkerPort } from './worker-slot.ts';
import { defaultIndexURL, takeEarlyWorker } from './early-start.ts';

export type { HttpRequest } from './http-request.ts';
export type { RunHandle, RunOptions, RuntimeEvents, RuntimeOptions, RuntimeState } from './client-types.ts';
export type { LoadProgress, WorkerPort } from './worker-slot.ts';
export { RuntimeLoadError } from './worker-slot.ts';
export type {
  CheckOutcome, ExerciseCheck, ExerciseKind, Failure, Notice, ReadyInfo, RunResult, ServerMode, SimulationResult, SimulationSpec, Workspace,
} from './protocol.ts';

/** How long a run that caught the interrupt may take to send its result before its worker is replaced. */
const REPORT_AFTER_INTERRUPT_MS = 10_000;
/** How long an idle worker may take to answer set-files or a ping before it is taken for dead: generous,
 * it answers in about a millisecond unless its code closed it (js.close()) or it hangs. */
const ANSWER_DEADLINE_MS = 5_000;
/** How long after a run the warm standby starts loading (see scheduleStandby). */
const STANDBY_AFTER_RUN_MS = 2_000;

function absoluteURL(url: string): string {
  return typeof location === 'undefined' ? url : new URL(url, location.href).href;
}

/** One string per distinct workspace (file names and contents, in name order). */
export function workspaceKey(files: Workspace): string {
  return JSON.stringify(Object.keys(files).sort().map((name) => [name, files[name]]));
}

export class RuntimeClient {
  private readonly events = new Emitter<RuntimeEvents>();
  private readonly opts: Required<Omit<RuntimeOptions, 'indexURL' | 'createWorker'>> & { indexURL: string; createWorker: (indexURL: string) => WorkerPort };
  private files: Workspace = {};
  private active: WorkerSlot | null = null;
  private standby: WorkerSlot | null = null;
  private standbyTimer: ReturnType<typeof setTimeout> | undefined;
  private current: Job | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private stateValue: RuntimeState = 'idle';
  private info: ReadyInfo | null = null;

  constructor(options: RuntimeOptions = {}) {
    const isolated = options.isolated ?? (globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function');
    this.opts = {
      // Absolute: the sandboxed worker's own base is an opaque blob: URL that nothing resolves against.
      indexURL: absoluteURL(options.indexURL ?? defaultIndexURL()),
      createWorker: options.createWorker ?? createBrowserWorker,
      isolated,
      standby: options.standby ?? isolated,
      interruptGraceMs: options.interruptGraceMs ?? 500,
      timeLimitMs: options.timeLimitMs ?? 5000,
      workerPerWorkspace: options.workerPerWorkspace ?? true,
    };
  }

  /** The current state; every change is also sent as a `state` event. */
  get state(): RuntimeState { return this.stateValue; }

  /** Versions and load time of the running Python, once loaded. */
  get readyInfo(): ReadyInfo | null { return this.info; }

  /** Listen to `state`, `progress`, `ready`, `output` or `notice`; returns the unsubscribe function. */
  on<K extends keyof RuntimeEvents>(event: K, fn: (value: RuntimeEvents[K]) => void): () => void {
    return this.events.on(event, fn);
  }

  /** Starts the warm standby now if there is none yet; resolves true once it is loaded (false when
   * this client keeps none, or it failed). */
  async whenStandbyReady(): Promise<boolean> {
    this.prepareStandby();
    const slot = this.standby;
    if (!slot) return false;
    return slot.ready.then(() => true, () => false);
  }

  /** Start Python (or wait for it); after a failure, calling again retries. Rejects with RuntimeLoadError. */
  async load(): Promise<ReadyInfo> {
    const slot = await this.ensureActive();
    return slot.ready;
  }

  /** Replace the reader's workspace; later runs (and any replacement worker) see exactly these files. */
  async setFiles(files: Workspace): Promise<void> {
    await this.sendFiles(files);
  }

  /** setFiles, and the worker that answered it (null if none did): a run needs no ping from it. */
  private async sendFiles(files: Workspace): Promise<WorkerSlot | null> {
    this.files = { ...files };
    const slot = this.active;
    if (!slot) return null;
    try {
      const reply = await slot.call({ type: 'set-files', id: newId(), files: this.files }, ANSWER_DEADLINE_MS);
      if (reply.type === 'failed' && slot === this.active) throw new Error(reply.message);
      return slot;
    } catch (err) {
      // A replacement worker starts with these files; a silent one is replaced before the next run.
      if (!(err instanceof WorkerGone) && !(err instanceof WorkerUnresponsive)) throw err;
      return null;
    }
  }

  /** Send one HTTP request (structured, or raw bytes) to the reader's app through the server core. */
  request(request: HttpRequest | Uint8Array, options: RunOptions = {}): RunHandle {
    const bytes = request instanceof Uint8Array ? request : encodeRequest(request);
    return this.enqueue({ type: 'run-request', request: bytes }, options);
  }

  /** Run one workspace file as a script, like `python3 path`. */
  runScript(path: string, options: RunOptions = {}): RunHandle {
    return this.enqueue({ type: 'run-script', path }, options);
  }

  /**
   * Serve a workload through a worker pool and/or an event loop on the workspace's files, in
   * virtual time; the answer is in `result.simulation`. Same queue, time limit and stop as any run.
   */
  simulate(spec: SimulationSpec, options: RunOptions = {}): RunHandle {
    return this.enqueue({ type: 'run-simulation', spec }, options);
  }

  /**
   * Serve and judge an exercise's checks (`kind` wsgi: one request, or a probe, each; asgi: the event-loop
   * simulation) on the workspace's files; one outcome per check in `result.checks`. Same queue, time
   * limit and stop as any run.
   */
  checks(kind: ExerciseKind, checks: ExerciseCheck[], options: RunOptions = {}): RunHandle {
    return this.enqueue({ type: 'run-checks', kind, checks }, options);
  }

  /** Stop the run in progress (as if its handle was cancelled). */
  stop(): void {
    this.current?.run.handle({ type: 'stop', reason: 'cancelled' });
  }

  /** Terminate every worker; the client can be loaded again afterwards. */
  dispose(): void {
    this.stop();
    clearTimeout(this.standbyTimer);
    this.standbyTimer = undefined;
    this.active?.terminate();
    this.standby?.terminate();
    this.active = this.standby = null;
    this.setState('idle');
  }

  private setState(state: RuntimeState) {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.events.emit('state', state);
  }

  private enqueue(message: RunMessage, options: RunOptions): RunHandle {
    const job = createJob(message, options, options.timeLimitMs ?? this.opts.timeLimitMs, (j) => this.driverFor(j));
    const cancel = () => { job.run.handle({ type: 'stop', reason: 'cancelled' }); };
    options.signal?.addEventListener('abort', cancel, { once: true });
    const result = this.chain.then(() => this.execute(job));
    this.chain = result.catch(() => {});
    return { id: job.id, result, cancel };
  }

  /** What a run's lifecycle may ask of this client, for `job` (its worker is known once it is sent). */
  private driverFor(job: Job): RunDriver {
    const later = (ms: number, event: RunEvent) => { job.timers.push(setTimeout(() => job.run.handle(event), ms)); };
    return {
      armTimeLimit: () => later(job.options.timeLimitMs ?? this.opts.timeLimitMs, { type: 'stop', reason: 'time-limit' }),
      interrupt: () => job.slot?.interruptNow() ?? false,
      get interruptible() { return job.slot?.interruptible ?? false; },
      startGrace: () => later(this.opts.interruptGraceMs, { type: 'grace-over' }),
      startReportDeadline: () => later(REPORT_AFTER_INTERRUPT_MS, { type: 'report-deadline' }),
      replaceWorker: () => { if (job.slot) this.replace(job.slot); },
      retireAfterMemoryError: () => { if (job.slot && this.standby) this.replace(job.slot); },
      finish: (result) => {
        for (const timer of job.timers.splice(0)) clearTimeout(timer);
        if (result.notice) this.events.emit('notice', result.notice);
      },
    };
  }

  private spawn(): WorkerSlot {
    // The page's first worker may already be running (early-start.ts); later ones are started here.
    const early = this.opts.createWorker === createBrowserWorker ? takeEarlyWorker(this.opts.indexURL, this.opts.isolated) : null;
    const slot: WorkerSlot = new WorkerSlot(early ?? this.opts.createWorker(this.opts.indexURL), this.opts.indexURL, this.files, this.opts.isolated, {
      onProgress: (p) => { if (slot === this.active) this.events.emit('progress', p); },
      onStarted: (id) => { if (this.current?.id === id) this.current.run.handle({ type: 'started' }); },
      onInterrupted: (id) => { if (this.current?.id === id) this.current.run.handle({ type: 'interrupted' }); },
      onOutput: (id, stream, text) => {
        const job = this.current;
        if (job?.id !== id) return;
        job.run.output[stream].push(text);
        job.options.onOutput?.(stream, text);
        this.events.emit('output', { runId: id, stream, text });
      },
      onCrash: () => { if (slot === this.standby) this.standby = null; },
    });
    return slot;
  }

  private async ensureActive(): Promise<WorkerSlot> {
    if (!this.active) {
      this.active = this.spawn();
      this.setState('loading');
    }
    const slot = this.active;
    try {
      const info = await slot.ready;
      if (slot === this.active && this.info !== info) {
        this.info = info;
        this.setState(this.current ? 'running' : 'ready');
        this.events.emit('ready', info);
      }
      return slot;
    } catch (err) {
      if (slot === this.active) {
        slot.terminate();
        this.active = null;
        this.setState('failed');
      }
      throw err;
    }
  }

  /** The standby starts a while after a run, not when Python becomes ready: a second Python loading
   * (wasm compile, memory restore) during the reader's first Run took the CPU that run needed. */
  private scheduleStandby() {
    if (!this.opts.standby || this.standby || this.standbyTimer) return;
    this.standbyTimer = setTimeout(() => { this.standbyTimer = undefined; this.prepareStandby(); }, STANDBY_AFTER_RUN_MS);
  }

  private prepareStandby() {
    if (!this.opts.standby || this.standby || !this.active) return;
    const slot = this.spawn();
    this.standby = slot;
    slot.ready.catch(() => { if (this.standby === slot) { slot.terminate(); this.standby = null; } });
  }

  /** Terminate `slot` and make the standby (or a new worker) active, loaded with the current files. */
  private replace(slot: WorkerSlot) {
    slot.terminate();
    if (slot !== this.active) return;
    const next = this.standby;
    this.standby = null;
    this.info = null;
    if (next) {
      this.active = next;
      next.call({ type: 'set-files', id: newId(), files: this.files }).catch(() => {});
    } else {
      this.active = null;
    }
    void this.ensureActive().catch(() => {});
  }

  /** `slot` if it has run no code or only this workspace's, else a fresh worker (the standby, or a new one)
   * with these files: code never runs in an interpreter other code has run in. A worker that last ran code is
   * pinged first (its code may have closed it), unless it has just answered set-files (`answered`). */
  private async cleanSlotFor(slot: WorkerSlot, key: string, answered: WorkerSlot | null): Promise<WorkerSlot> {
    let clean = slot;
    if (this.opts.workerPerWorkspace && clean.ranWorkspace !== null && clean.ranWorkspace !== key) {
      this.replace(clean);
      clean = await this.ensureActive();
      // The standby just took over: its successor loads now, so a forced stop of this run (other code,
      // likelier to misbehave) still finds one instead of waiting for Python to load.
      this.prepareStandby();
    } else if (clean.ranWorkspace !== null && answered !== clean && !(await this.answers(clean))) {
      // The last run left its worker unable to answer (its code closed it): start this one afresh.
      this.events.emit('notice', unresponsiveNotice());
      this.replace(clean);
      clean = await this.ensureActive();
    }
    clean.ranWorkspace = key;
    return clean;
  }

  /** Whether `slot` answers a ping in time. */
  private async answers(slot: WorkerSlot): Promise<boolean> {
    try { return (await slot.call({ type: 'ping', id: newId() }, ANSWER_DEADLINE_MS)).type === 'pong'; } catch { return false; }
  }

  /** The run's turn: a clean worker with its files, then the message; the lifecycle does the rest. */
  private async execute(job: Job): Promise<RunResult> {
    const { run } = job;
    if (run.done) return run.result;
    let slot: WorkerSlot;
    try {
      slot = await this.ensureActive();
      if (run.done) return run.result;
      const files = job.options.files;
      if (files && this.filesInPlace(slot, files)) {
        this.files = { ...files };
      } else {
        // The worker's answer to set-files shows it still answers: no ping (a round trip per Run) after it.
        const answered = files ? await this.sendFiles(files) : null;
        slot = await this.cleanSlotFor(slot, workspaceKey(this.files), answered);
      }
    } catch (err) {
      if (run.done) return run.result; // stopped while it waited: the load failure is the next run's to report
      throw err;
    }
    if (run.done) return run.result;
    job.slot = slot;
    this.current = job;
    this.setState('running');
    run.handle({ type: 'send' });
    slot.filesAfterRun = null;
    slot.runsSent++;
    slot.call({ ...job.message, id: job.id, settings: settingsFor(job.options) })
      .then((reply) => reply, () => null)
      .then((reply) => run.handle({ type: 'reply', reply }));
    const result = await run.result;
    this.settle();
    return result;
  }

  /** After a run that was sent: back to standby (ready, and the warm standby worker scheduled). */
  private settle() {
    this.current = null;
    if (this.active?.isAlive && this.info) this.setState('ready');
    this.scheduleStandby();
    if (this.active?.isAlive) void this.refreshFiles(this.active);
  }

  /**
   * After a run, write the workspace's files again in the background (the run may have changed them),
   * so that the next Run of the same files is one message to the worker instead of three round trips
   * (set-files, ping, run), each of which waited behind the page's frame: warm Run → rendered
   * (bench/evidence/warm-run-breakdown.ts).
   */
  private async refreshFiles(slot: WorkerSlot): Promise<void> {
    const key = workspaceKey(this.files);
    const runs = slot.runsSent;
    try {
      const reply = await slot.call({ type: 'set-files', id: newId(), files: this.files }, ANSWER_DEADLINE_MS);
      if (reply.type === 'files-set' && slot.runsSent === runs) slot.filesAfterRun = key;
    } catch {
      // Gone or silent: the next Run sends its files and pings, and replaces a silent worker.
    }
  }

  /** Whether `slot` already holds exactly `files`, written after its last run of this same workspace. */
  private filesInPlace(slot: WorkerSlot, files: Workspace): boolean {
    const key = workspaceKey(files);
    return slot === this.active && slot.ranWorkspace === key && slot.filesAfterRun === key;
  }
}
