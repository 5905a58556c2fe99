/**
 * A LiveEditor with run="asgi": Run serves the reader's ASGI app one connection on the event-loop
 * simulation (src/runtime/python/concurrency: uvicorn's model, virtual time) and shows every ASGI
 * message of that connection in order — an HTTP request and its response, server-sent events chunk
 * by chunk, or a WebSocket conversation message by message with a scripted client (the list is a
 * result view: results/AsgiMessages.ts). Loaded only when the reader runs such an editor.
 */
import type { SimulationSpec } from '../../runtime/simulation-result.ts';
import { results, runtime, type CodeBox, type RequestState, type RunPanel, type RunResult } from '../../workspace/index.ts';
import type { EditorConfig } from './config.ts';

/** One Run of an ASGI editor: the connection served on the simulation, its messages in the panel. */
export async function runAsgi(section: HTMLElement, config: EditorConfig, panel: RunPanel, box: CodeBox, request: RequestState): Promise<void> {
  const lines = section.querySelector<HTMLTextAreaElement>('[data-ws-messages]')?.value.split('\n').filter((l) => l !== '');
  const spec = asgiSpec(request, config.appSpec, config.websocket ? lines ?? [] : null);
  let line: number | null = null;
  await panel.track<RunResult>(
    () => runtime().simulate(spec, { timeLimitMs: 20_000, files: { [config.file]: box.code } }),
    async (result) => {
      const { renderAsgi } = await results();
      const loop = result.simulation?.loop;
      const req = loop?.requests[0];
      line = req?.error?.file === config.file ? req.error.line : null;
      const failed = loop?.error ?? (result.exception ? { message: result.exception.message, traceback: result.exception.traceback }
        : !loop ? { message: result.notice?.message ?? 'The simulation gave no result.' } : null);
      return renderAsgi(req, failed && { message: failed.message, traceback: 'traceback' in failed ? failed.traceback : undefined });
    },
  );
  box.markError(line ? { line, message: 'The app raised an exception here: see the results below.' } : null);
}

/** The workload of one Run: the composer's request, or a WebSocket connection to its path. */
export function asgiSpec(request: RequestState, appSpec: string, websocket: string[] | null): SimulationSpec {
  const { method, target, headers, body } = request.mode === 'raw' ? fromRaw(request.raw) : request;
  const one = websocket
    ? { at: 0, method: 'GET', path: target || '/', headers, body: '', websocket }
    : { at: 0, method: method || 'GET', path: target || '/', headers, body };
  return { loop: { app_spec: appSpec, messages: true }, requests: [one] };
}

/** Method, target, headers and body of a raw request typed by the reader (best effort). */
function fromRaw(raw: string): { method: string; target: string; headers: [string, string][]; body: string } {
  const [head, ...rest] = raw.replace(/\r\n/g, '\n').split('\n\n');
  const [line, ...lines] = head.split('\n');
  const [method = 'GET', target = '/'] = line.trim().split(/\s+/);
  const headers = lines.filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()] as [string, string])
    .filter(([name]) => !/^(host|content-length)$/i.test(name));
  return { method, target, headers, body: rest.join('\n\n') };
}
