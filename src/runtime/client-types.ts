/** The public shapes of the runtime client: options, run handles and events (client.ts re-exports them). */
import type { Notice, ReadyInfo, RunResult, ServerMode, Workspace } from './protocol.ts';
import type { LoadProgress, WorkerPort } from './worker-slot.ts';

export type RuntimeState = 'idle' | 'loading' | 'ready' | 'running' | 'failed';

export interface RuntimeOptions {
  /** Where Pyodide's files are served; default `${BASE_URL}pyodide/`. */
  indexURL?: string;
  /** Makes one worker for Pyodide at `indexURL`; default a sandboxed worker (sandbox/sandboxed-worker.ts).
   * Tests pass the Node runtime. */
  createWorker?: (indexURL: string) => WorkerPort;
  /** Keep a second, loaded worker ready to take over after a forced stop; default: when isolated. */
  standby?: boolean;
  /** Whether SharedArrayBuffer interrupts are possible; default `crossOriginIsolated`. */
  isolated?: boolean;
  /** How long an interrupted run gets to stop before its worker is terminated; default 500 ms. */
  interruptGraceMs?: number;
  /** Run other code only in a fresh worker (docs/decisions/reader-code-sandbox.md); default true. Tests
   * of the resets between runs of the same worker turn it off. */
  workerPerWorkspace?: boolean;
  /** Default per-run time limit; default 5000 ms. */
  timeLimitMs?: number;
}

export interface RunOptions {
  mode?: ServerMode;
  trace?: boolean;
  /** gunicorn-style "module:callable"; default "app:app". */
  appSpec?: string;
  timeLimitMs?: number;
  outputLimit?: number;
  responseLimit?: number;
  /** Header lists past this length are cut in the result (`headersTotal` keeps the count); default 1000. */
  headerLimit?: number;
  /** The client closes its sending side after the request (default: it keeps the connection open). */
  halfClose?: boolean;
  /** Live output while the run goes on (batched, ~20 per second at most). */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  signal?: AbortSignal;
  /**
   * The workspace this run needs. It is put in place when the run starts, in queue order, so a run
   * queued by one component never sees files another component set after it was queued.
   */
  files?: Workspace;
}

/** A run in flight: its id, its result (always resolves once loaded, even when stopped), and cancel. */
export interface RunHandle {
  readonly id: number;
  readonly result: Promise<RunResult>;
  cancel(): void;
}

export interface RuntimeEvents {
  [name: string]: unknown;
  state: RuntimeState;
  progress: LoadProgress;
  ready: ReadyInfo;
  output: { runId: number; stream: 'stdout' | 'stderr'; text: string };
  notice: Notice;
}
