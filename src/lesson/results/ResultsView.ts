/**
 * Everything one run produced: friendly cards first (rules broken, errors, notices), then tabs for
 * the response, the HTML preview, the environ, the timeline, the output and the raw HTTP.
 * Tabs follow the ARIA tabs pattern (arrow keys move between them; the panel is focusable).
 */
import type { RunResult } from '../../runtime/client.ts';
import { h } from '../../dom/elements.ts';
import { renderEnviron } from './EnvironTable.ts';
import { renderHtmlPreview } from './HtmlPreview.ts';
import { renderOutput } from './OutputView.ts';
import { errorLine, type PythonError } from './plain-errors.ts';
import { renderRawHttp } from './RawHttpView.ts';
import { isHtml, renderResponse } from './ResponseView.ts';
import { renderTimeline } from './Timeline.ts';
import { hasLayers, renderOnion } from '../onion/index.ts';
import { errorCard, noticeCard, violationCard } from './ViolationCard.ts';
import { connectionCard } from './ConnectionView.ts';
import { opensInBrowser, renderBrowser } from '../../browser/index.ts';

/** What a surface needs beside the views (this file is the folder's entry, imported lazily). */
export { errorLine, plainWords } from './plain-errors.ts';
export { renderAsgi } from './AsgiMessages.ts';

export interface ResultContext {
  /** The request bytes sent (empty for scripts). */
  request: Uint8Array;
  /** The workspace file the editor shows, e.g. "app.py": errors in it are marked. */
  file: string;
  goToLine: (line: number) => void;
  /** Site base path, for the preview page's URL. */
  base?: string;
  /** Tab to open first (the reader's last choice). */
  initialTab?: string;
  onTabChange?: (tab: string) => void;
  /** Sends more requests to the same app (files, server, settings): when given, an HTML page or a
   * redirect also opens in the Browser tab (src/browser/), which clicks through the app. */
  send?: (bytes: Uint8Array) => Promise<RunResult>;
}

let counter = 0;

/** The error of a run, whichever way it came (server error or script exception). */
export function runError(result: RunResult): PythonError | null {
  if (result.server?.error) return result.server.error;
  if (result.exception) return { kind: 'script', ...result.exception };
  return null;
}

/** The cards for a run: violations (with the error's traceback), else the error, and any notice. */
function cards(result: RunResult, ctx: ResultContext): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (result.notice) out.push(noticeCard(result.notice));
  const error = runError(result);
  const violations = result.server?.violations ?? [];
  violations.forEach((v, i) => out.push(violationCard(v, i === 0 ? error?.traceback ?? '' : '')));
  if (error && !violations.length) out.push(errorCard(error, errorLine(error, ctx.file), ctx.goToLine));
  return out;
}

function tabs(panels: [string, () => HTMLElement][], ctx: ResultContext): HTMLElement {
  const id = `le-tabs-${++counter}`;
  const list = h('div', { role: 'tablist', 'aria-label': 'Result views', class: 'le-tablist' });
  const holder = h('div', { class: 'le-panels' });
  const buttons: HTMLButtonElement[] = [];
  const built = new Map<number, HTMLElement>();
  // Only the reader's own choice is remembered: a run with fewer tabs (a stopped one) must not
  // move the next run's results away from the tab they picked.
  const select = (index: number, focus = false, byReader = true) => {
    buttons.forEach((b, i) => { b.setAttribute('aria-selected', String(i === index)); b.tabIndex = i === index ? 0 : -1; });
    for (const [i, panel] of built) panel.hidden = i !== index;
    if (!built.has(index)) {
      const panel = h('div', { role: 'tabpanel', id: `${id}-p${index}`, 'aria-labelledby': `${id}-t${index}`, tabindex: '0', class: 'le-panel' }, panels[index][1]());
      built.set(index, panel);
      holder.append(panel);
    }
    if (focus) buttons[index].focus();
    if (byReader) ctx.onTabChange?.(panels[index][0]);
  };
  panels.forEach(([name], index) => {
    const button = h('button', {
      type: 'button', role: 'tab', id: `${id}-t${index}`, 'aria-controls': `${id}-p${index}`, class: 'le-tab',
      onclick: () => select(index),
      onkeydown: (event: KeyboardEvent) => {
        const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: panels.length - 1 };
        if (!(event.key in moves)) return;
        event.preventDefault();
        select((moves[event.key] + panels.length) % panels.length, true);
      },
    }, name);
    buttons.push(button);
    list.append(button);
  });
  const first = Math.max(0, panels.findIndex(([name]) => name === ctx.initialTab));
  select(first, false, false);
  return h('div', { class: 'le-tabs' }, list, holder);
}

/** The whole results area for one run. */
export function renderResults(result: RunResult, ctx: ResultContext): HTMLElement {
  const server = result.server;
  const panels: [string, () => HTMLElement][] = [];
  if (server) {
    panels.push(['Response', () => renderResponse(server)]);
    if (isHtml(server)) panels.push(['Preview', () => renderHtmlPreview(server.body, ctx.base)]);
    const send = ctx.send;
    if (send && opensInBrowser(result)) {
      // Each request the browser makes opens in these same views (without a browser of its own).
      const views = { ...ctx, send: undefined, initialTab: undefined, onTabChange: undefined };
      panels.push(['Browser', () => renderBrowser(ctx.request, result, { send, base: ctx.base ?? '/', renderResult: (r, request) => renderResults(r, { ...views, request }) })]);
    }
    panels.push(['Environ', () => renderEnviron(server.environ, server.events, ctx.request, server.mode.name)]);
    panels.push(['Timeline', () => renderTimeline(server.events)]);
    // The middleware onion: only when a layer wraps the app, not for a lone app.
    if (hasLayers(server.events)) panels.push(['Onion', () => renderOnion(server.events, { file: ctx.file })]);
  }
  // The run's stderr stream carries the server's log lines too (they are streamed live as stderr);
  // the server's own result keeps the reader's stderr apart, so the log is shown once.
  panels.push(['Output', () => renderOutput({ stdout: result.stdout, stderr: server ? server.stderr : result.stderr, log: server?.log ?? '' })]);
  if (server) panels.push(['Raw HTTP', () => renderRawHttp(ctx.request, server.response)]);
  const modeLine = server ? h('p', { class: 'le-muted le-mode-line' }, `Served like ${server.mode.version} · ${result.elapsedMs.toFixed(0)} ms`) : null;
  const connection = server ? connectionCard(server, ctx.request) : null;
  return h('div', { class: 'le-results-inner' }, ...cards(result, ctx), connection, modeLine, tabs(panels, ctx));
}
