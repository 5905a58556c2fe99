/**
 * One Python worker as the client sees it: started with the reader's files, answering calls by id,
 * interruptible through its own SharedArrayBuffer when the page is cross-origin isolated.
 */
import type { ClientMessage, LoadStage, ReadyInfo, Workspace, WorkerMessage } from './protocol.ts';
import { isWorkerMessage } from './protocol.ts';
import type { EarlyWorker } from './early-start.ts';

/** What the client needs of a worker; a browser Worker fits, and so does the Node adapter. */
export interface WorkerPort {
  postMessage(message: ClientMessage): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  /** Raise KeyboardInterrupt in its Python where the worker keeps the buffer itself (the sandbox frame
   * does: a page's SharedArrayBuffer cannot reach another origin); false when it cannot. */
  interrupt?(): boolean;
}

export interface LoadProgress { stage: LoadStage; loaded: number; total: number }

/** Thrown by load(): `message` is for the reader, `detail` for the console. */
export class RuntimeLoadError extends Error {
  readonly detail: string;
  constructor(message: string, detail: string) {
    super(message);
    this.detail = detail;
    this.name = 'RuntimeLoadError';
  }
}

/** Rejection of a call its worker did not answer in time (the worker closed itself, or hangs outside a run). */
export class WorkerUnresponsive extends Error {
  constructor() { super('The Python worker did not answer.'); this.name = 'WorkerUnresponsive'; }
}

/** Rejection of calls still pending when their worker was terminated. */
export class WorkerGone extends Error {
  constructor() { super('The Python worker was stopped.'); this.name = 'WorkerGone'; }
}

/** A worker's last message for a call. */
export type FinalReply = Extract<WorkerMessage, { type: 'files-set' | 'result' | 'failed' | 'pong' }>;

interface SlotHooks {
  onProgress(p: LoadProgress): void;
  onStarted(id: number): void;
  onInterrupted(id: number): void;
  onOutput(id: number, stream: 'stdout' | 'stderr', text: string): void;
  /** The worker died on its own (uncaught error): pending calls are already rejected. */
  onCrash(message: string): void;
}

let nextId = 1;
/** A fresh message id, unique across every worker of the page. */
export function newId(): number { return nextId++; }

export class WorkerSlot {
  readonly ready: Promise<ReadyInfo>;
  /** The page's own interrupt buffer, for workers that take one (the Node runtime's). */
  private readonly interrupt: Int32Array | null;
  private interruptibleValue = false;
  /** The workspace (workspaceKey) whose code this worker has run, if any: a run of other code needs a
   * fresh worker, so nothing one run left behind can reach another's (docs/decisions/reader-code-sandbox.md). */
  ranWorkspace: string | null = null;
  /** The workspace (workspaceKey) whose files this worker wrote again after its last run and acknowledged,
   * with no run sent since: a Run of exactly these needs neither set-files nor a ping (client.ts, filesInPlace). */
  filesAfterRun: string | null = null;
  /** Runs sent to this worker so far (a refresh acknowledged after a later run was sent is stale). */
  runsSent = 0;
  private pending = new Map<number, { resolve: (m: FinalReply) => void; reject: (e: Error) => void }>();
  private alive = true;
  private port: WorkerPort;
  private hooks: SlotHooks;

  /** `started` is either a fresh worker, sent `init` here, or the page's early worker (early-start.ts),
   * which already has its `init`: its backlog is replayed as if it had arrived now. */
  constructor(started: WorkerPort | EarlyWorker, indexURL: string, files: Workspace, isolated: boolean, hooks: SlotHooks) {
    const early = 'backlog' in started ? started : null;
    const port = early ? early.port : started as WorkerPort;
    this.port = port;
    this.hooks = hooks;
    const buffer = early ? early.interruptBuffer : isolated && !port.interrupt ? new SharedArrayBuffer(4) : null;
    this.interrupt = buffer ? new Int32Array(buffer) : null;
    const initId = early ? early.initId : newId();
    this.ready = new Promise<ReadyInfo>((resolve, reject) => {
      port.onmessage = (event) => {
        const msg = event.data;
        if (!isWorkerMessage(msg)) return;
        if (msg.type === 'ready' && msg.id === initId) {
          this.interruptibleValue = msg.info.interruptible;
          resolve(msg.info);
        }
        else if (msg.type === 'load-failed' && msg.id === initId) reject(new RuntimeLoadError(msg.message, msg.detail));
        else this.dispatch(msg);
      };
      port.onerror = (event) => {
        const text = (event as { message?: string })?.message ?? 'the worker failed';
        reject(new RuntimeLoadError(`Python failed to start (${text}). Retry; if it keeps failing, reload the page.`, text));
        this.die();
        this.hooks.onCrash(text);
      };
    });
    this.ready.catch(() => {});
    if (!early) {
      port.postMessage({ type: 'init', id: initId, indexURL, interruptBuffer: buffer, files });
      return;
    }
    if (Object.keys(files).length) port.postMessage({ type: 'set-files', id: newId(), files });
    // After construction (the hooks may refer to this slot), before any message still to come.
    const backlog = early.backlog.splice(0);
    queueMicrotask(() => {
      for (const { kind, event } of backlog) {
        if (kind === 'message') port.onmessage?.(event as { data: unknown });
        else port.onerror?.(event);
      }
    });
  }

  private dispatch(msg: WorkerMessage) {
    switch (msg.type) {
      case 'progress': return this.hooks.onProgress({ stage: msg.stage, loaded: msg.loaded, total: msg.total });
      case 'started': return this.hooks.onStarted(msg.id);
      case 'interrupted': return this.hooks.onInterrupted(msg.id);
      case 'output': return this.hooks.onOutput(msg.id, msg.stream, msg.text);
      case 'files-set': case 'result': case 'failed': case 'pong': {
        const waiter = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        waiter?.resolve(msg);
        return;
      }
      default: return;
    }
  }

  /** Send `message` and wait for its final reply (result, failed, files-set or pong), at most `deadlineMs`
   * when given (WorkerUnresponsive after it). */
  call(message: Exclude<ClientMessage, { type: 'init' }>, deadlineMs?: number): Promise<FinalReply> {
    if (!this.alive) return Promise.reject(new WorkerGone());
    return new Promise((resolve, reject) => {
      const timer = deadlineMs === undefined ? undefined : setTimeout(() => {
        this.pending.delete(message.id);
        reject(new WorkerUnresponsive());
      }, deadlineMs);
      const settle = <T>(fn: (value: T) => void) => (value: T) => { clearTimeout(timer); fn(value); };
      this.pending.set(message.id, { resolve: settle(resolve), reject: settle(reject) });
      this.port.postMessage(message);
    });
  }

  /** Raise KeyboardInterrupt in the running Python; false when this worker cannot be interrupted. */
  interruptNow(): boolean {
    if (!this.alive) return false;
    if (this.port.interrupt) return this.interruptibleValue && this.port.interrupt();
    if (!this.interrupt) return false;
    Atomics.store(this.interrupt, 0, 2); // 2 = SIGINT
    return true;
  }

  /** Whether a stop can interrupt this worker's Python instead of replacing the worker (known once ready). */
  get interruptible(): boolean { return this.port.interrupt ? this.interruptibleValue : this.interrupt !== null; }

  get isAlive(): boolean { return this.alive; }

  private die() {
    this.alive = false;
    for (const waiter of this.pending.values()) waiter.reject(new WorkerGone());
    this.pending.clear();
  }

  /** Stop the worker at once (whatever it is doing) and reject its pending calls. */
  terminate() {
    if (!this.alive) return;
    this.port.onmessage = null;
    this.port.onerror = null;
    this.port.terminate();
    this.die();
  }
}
