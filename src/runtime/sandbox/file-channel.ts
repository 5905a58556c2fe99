/**
 * The worker's side of the file channel (file-messages.ts): Pyodide's files as Responses, asked of the
 * page by name, since this opaque-origin worker can fetch nothing itself. A body arrives as chunks the
 * site end posts as they come, enqueued here into the Response's stream.
 */
import type { FileAnswer, FileMessage, FileRequest, PythonFileName } from './file-messages.ts';

export class FileChannel {
  private nextId = 1;
  private waiting = new Map<number, (answer: FileAnswer, body: ReadableStream<Uint8Array> | null) => void>();
  private bodies = new Map<number, ReadableStreamDefaultController<Uint8Array>>();

  constructor(private readonly port: MessagePort) {
    port.onmessage = (event) => this.receive(event.data as FileMessage);
  }

  private receive(msg: FileMessage): void {
    if (msg?.type === 'file') {
      // The stream is made in this same task, so the chunks that follow (later tasks) find it.
      const id = msg.id;
      const body = msg.body ? new ReadableStream<Uint8Array>({
        start: (controller) => { this.bodies.set(id, controller); },
        cancel: () => { this.bodies.delete(id); this.send({ type: 'cancel', id }); },
      }) : null;
      this.waiting.get(id)?.(msg, body);
      this.waiting.delete(id);
    } else if (msg?.type === 'chunk') {
      this.bodies.get(msg.id)?.enqueue(new Uint8Array(msg.bytes));
    } else if (msg?.type === 'end') {
      const body = this.bodies.get(msg.id);
      this.bodies.delete(msg.id);
      if (msg.error === undefined) body?.close(); else body?.error(new TypeError(`the download broke off: ${msg.error}`));
    }
  }

  /** The file `name` as a Response (status 0 with the reason as its text when the page could not get it). */
  async get(name: PythonFileName): Promise<Response> {
    const id = this.nextId++;
    const [answer, body] = await new Promise<[FileAnswer, ReadableStream<Uint8Array> | null]>((resolve) => {
      this.waiting.set(id, (answer, body) => resolve([answer, body]));
      this.send({ type: 'get', id, name });
    });
    if (answer.error !== undefined || answer.status === 0) throw new TypeError(`Failed to fetch ${name}: ${answer.error ?? 'no answer'}`);
    return new Response(body, { status: answer.status, headers: answer.headers });
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
