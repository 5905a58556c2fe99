/**
 * How a phase page runs each example: each LiveEditor's (and OnionView's) name, mode, request, run and
 * callable as the page rendered them, read from the build's lesson manifest (./lesson-manifest.ts), so
 * the golden runs match what a reader's first Run does. An example not (yet) in a tag runs as the
 * LiveEditor default would: reference mode, GET /.
 */
import type { HttpRequest } from '../../src/runtime/http-request.ts';
import { phaseTags } from './lesson-manifest.ts';

export interface PageRun {
  mode: string;
  run: 'request' | 'script' | 'asgi';
  callable: string;
  request: HttpRequest;
  /** run="asgi" editors that open a WebSocket: the client's messages. */
  websocket?: string[] | null;
}

/** "GET /path?q" or {method, target, headers, body} → an HttpRequest. */
export function toRequest(preset: unknown): HttpRequest {
  if (typeof preset === 'string') {
    const [method, target] = preset.trim().split(/\s+/, 2);
    return { method, target: target ?? '/' };
  }
  const p = preset as HttpRequest;
  return { method: p.method, target: p.target, headers: p.headers, body: p.body };
}

/** Every LiveEditor (OnionViews included) of a phase page, by example name; `phase` is its content folder. */
export function pageRuns(phase: string): Map<string, PageRun> {
  const runs = new Map<string, PageRun>();
  for (const { name, config } of phaseTags(phase, 'LiveEditor')) {
    const c = config as { mode: string; run: 'request' | 'script' | 'asgi'; callable: string; request?: unknown; websocket?: string[] | null };
    runs.set(name, { mode: c.mode, run: c.run, callable: c.callable, request: toRequest(c.request ?? 'GET /'), websocket: c.websocket });
  }
  return runs;
}
