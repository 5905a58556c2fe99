/**
 * The worker's side of the file channel (file-messages.ts): Pyodide's files as Responses, asked of the
 * page by name, since this opaque-origin worker can fetch nothing itself.
 */
import type { FileAnswer, FileRequest, PythonFileName } from './file-messages.ts';

export class FileChannel {
  private nextId = 1;
  private waiting = new Map<number, (answer: FileAnswer) => void>();

  constructor(private readonly port: MessagePort) {
    port.onmessage = (event) => {
      const answer = event.data as FileAnswer;
      if (answer?.type !== 'file') return;
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    };
  }

  /** The file `name` as a Response (status 0 with the reason as its text when the page could not get it). */
  async get(name: PythonFileName): Promise<Response> {
    const id = this.nextId++;
    const answer = await new Promise<FileAnswer>((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ type: 'get', id, name });
    });
    if (answer.error !== undefined || answer.status === 0) throw new TypeError(`Failed to fetch ${name}: ${answer.error ?? 'no answer'}`);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  }

  /** Give the page the unpacked snapshot container to keep for the next start. */
  keep(body: ReadableStream<Uint8Array>): void {
    this.send({ type: 'keep', body }, [body]);
  }

  /** Tell the page its kept snapshot failed to start Python. */
  drop(): void { this.send({ type: 'drop' }); }

  /** Python has started (or failed to): no more files, ever, for this worker. */
  done(): void {
    this.send({ type: 'done' });
    this.port.onmessage = null; // the page closes the channel when it reads this

  }

  private send(message: FileRequest, transfer: Transferable[] = []) {
    this.port.postMessage(message, transfer);
  }
}
