/**
 * How a phase page runs each example: read from its <LiveEditor … /> tag (name, mode, request, run,
 * callable), so the golden runs match what a reader's first Run does. An example not (yet) in a tag
 * runs as the LiveEditor default would: reference mode, GET /.
 */
import type { HttpRequest } from '../../src/runtime/http-request.ts';

export interface PageRun {
  mode: string;
  run: 'request' | 'script';
  callable: string;
  request: HttpRequest;
}

// OnionView takes the same props (it is a LiveEditor opening on the Onion tab).
const TAG = /<(?:LiveEditor|OnionView)\b([\s\S]*?)\/>/g;

/** The value of one attribute: "text" or {expression} (braces balanced). */
function attribute(attrs: string, name: string): { text?: string; expr?: string } | null {
  const at = attrs.search(new RegExp(`\\b${name}=`));
  if (at < 0) return null;
  const rest = attrs.slice(at + name.length + 1);
  if (rest.startsWith('"')) return { text: rest.slice(1, rest.indexOf('"', 1)) };
  if (!rest.startsWith('{')) return null;
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '{') depth++;
    if (rest[i] === '}' && --depth === 0) return { expr: rest.slice(1, i) };
  }
  throw new Error(`unbalanced braces in ${name}= of a LiveEditor tag`);
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

/** Every LiveEditor tag of a page, by example name. */
export function pageRuns(mdx: string): Map<string, PageRun> {
  const runs = new Map<string, PageRun>();
  for (const [, attrs] of mdx.matchAll(TAG)) {
    const name = attribute(attrs, 'name')?.text;
    if (!name) continue;
    const request = attribute(attrs, 'request');
    // The page's own literal (authored in MDX, reviewed), evaluated as the page's build does.
    const preset = request?.expr !== undefined ? new Function(`return (${request.expr});`)() : request?.text ?? 'GET /';
    runs.set(name, {
      mode: attribute(attrs, 'mode')?.text ?? 'reference',
      run: attribute(attrs, 'run')?.text === 'script' ? 'script' : 'request',
      callable: attribute(attrs, 'callable')?.text ?? 'app',
      request: toRequest(preset),
    });
  }
  return runs;
}
