/**
 * Every message between the page (client.ts) and the Python worker (worker.ts), both directions.
 * Both sides import this module, so a message cannot be sent in a shape the other side does not know.
 * Each message has a `type` and an `id`: the id of the call it belongs to (progress and output
 * messages carry the id of the load or run that caused them).
 */
import type { ServerResult } from './server-result.ts';
import type { SimulationResult, SimulationSpec } from './simulation-result.ts';
import type { ServerMode } from './server-modes.ts';
import type { CheckOutcome, ExerciseCheck, ExerciseKind } from './exercise-checks.ts';

export type { ServerResult } from './server-result.ts';
export type { SimulationResult, SimulationSpec } from './simulation-result.ts';
export type { CheckOutcome, ExerciseCheck, ExerciseKind, Failure } from './exercise-checks.ts';

/** The reader's files: path relative to the app folder (e.g. "app.py", "lib/util.py") → source. */
export type Workspace = Record<string, string>;

/** The server whose behaviour the core imitates (see Modes in src/runtime/python/README.md): the exact
 * union of the mode names, generated from the core's mode classes (server-modes.ts). */
export type { ServerMode } from './server-modes.ts';

/** Options of one run, as the worker needs them (time limits are enforced by the client). */
export interface RunSettings {
  appSpec: string;
  mode: ServerMode;
  trace: boolean;
  /** Characters of stdout+stderr kept; past it, print() raises and the rest is dropped. */
  outputLimit: number;
  /** Bytes of response kept; a longer response is cut and reported. */
  responseLimit: number;
  /** After the request's bytes the client closes its sending side (a half-close) instead of keeping
   * the connection open: a server that needs more bytes gets end-of-file instead of waiting. */
  halfClose: boolean;
  /** Header lists longer than this are cut in the result (the true count is in `headersTotal`);
   * default 1000 (worker_support/result_limits.py). */
  headerLimit?: number;
}

/** Why a run ended early, in words for the reader; `restarted` means Python was replaced. */
export type NoticeKind =
  | 'time-limit' | 'cancelled' | 'output-limit' | 'response-limit'
  | 'memory' | 'recursion' | 'threads' | 'exit' | 'crash';
export interface Notice {
  kind: NoticeKind;
  message: string;
  restarted: boolean;
}

/** What a run (WSGI request or script) produced. `server` is null for scripts and stopped runs. */
export interface RunResult {
  server: ServerResult | null;
  /** For script runs: the exception, if any, as the reader would see it in a terminal. */
  exception: { type: string; message: string; traceback: string; line: number | null; file: string | null } | null;
  stdout: string;
  stderr: string;
  notice: Notice | null;
  elapsedMs: number;
  /** Simulation runs only: `concurrency.api.run_spec`'s answer (absent when the run was stopped). */
  simulation?: SimulationResult;
  /** Check runs only: one outcome per check, in order (absent when the run was stopped). */
  checks?: CheckOutcome[];
}

export type LoadStage = 'download' | 'start-python' | 'load-server' | 'ready';

export interface ReadyInfo {
  pyodide: string;
  python: string;
  /** True when this worker can be interrupted through a SharedArrayBuffer. */
  interruptible: boolean;
  loadMs: number;
}

// ---- page → worker ----
export interface InitMessage {
  type: 'init'; id: number;
  indexURL: string;
  /** Int32Array-sized SharedArrayBuffer; absent without cross-origin isolation. */
  interruptBuffer: SharedArrayBuffer | null;
  files: Workspace;
}
export interface SetFilesMessage { type: 'set-files'; id: number; files: Workspace }
export interface RunRequestMessage { type: 'run-request'; id: number; request: Uint8Array; settings: RunSettings }
export interface RunScriptMessage { type: 'run-script'; id: number; path: string; settings: RunSettings }
/** Serve a workload through the pool and/or the loop, on the reader's files (the worker adds app_dir). */
export interface RunSimulationMessage { type: 'run-simulation'; id: number; spec: SimulationSpec; settings: RunSettings }
/** Serve and judge an exercise's checks on the reader's files (src/runtime/python/exercise_checks.py). */
export interface RunChecksMessage { type: 'run-checks'; id: number; kind: ExerciseKind; checks: ExerciseCheck[]; settings: RunSettings }
export interface PingMessage { type: 'ping'; id: number }
export type ClientMessage =
  | InitMessage | SetFilesMessage | RunRequestMessage | RunScriptMessage | RunSimulationMessage | RunChecksMessage | PingMessage;

// ---- worker → page ----
export interface ProgressMessage { type: 'progress'; id: number; stage: LoadStage; loaded: number; total: number }
export interface ReadyMessage { type: 'ready'; id: number; info: ReadyInfo }
export interface LoadFailedMessage { type: 'load-failed'; id: number; message: string; detail: string }
export interface FilesSetMessage { type: 'files-set'; id: number; count: number }
export interface StartedMessage { type: 'started'; id: number }
/** Python caught the KeyboardInterrupt of a stop: the result follows (however long formatting takes). */
export interface InterruptedMessage { type: 'interrupted'; id: number }
export interface OutputMessage { type: 'output'; id: number; stream: 'stdout' | 'stderr'; text: string }
export interface ResultMessage { type: 'result'; id: number; result: RunResult }
export interface FailedMessage { type: 'failed'; id: number; message: string; fatal: boolean }
export interface PongMessage { type: 'pong'; id: number }
export type WorkerMessage =
  | ProgressMessage | ReadyMessage | LoadFailedMessage | FilesSetMessage | StartedMessage | InterruptedMessage
  | OutputMessage | ResultMessage | FailedMessage | PongMessage;

/** Fields each message type must carry, beyond `type` and `id`: the runtime check of the shapes above. */
export const CLIENT_MESSAGE_FIELDS = {
  'init': ['indexURL', 'interruptBuffer', 'files'],
  'set-files': ['files'],
  'run-request': ['request', 'settings'],
  'run-script': ['path', 'settings'],
  'run-simulation': ['spec', 'settings'],
  'run-checks': ['kind', 'checks', 'settings'],
  'ping': [],
} as const satisfies Record<ClientMessage['type'], readonly string[]>;

export const WORKER_MESSAGE_FIELDS = {
  'progress': ['stage', 'loaded', 'total'],
  'ready': ['info'],
  'load-failed': ['message', 'detail'],
  'files-set': ['count'],
  'started': [],
  'interrupted': [],
  'output': ['stream', 'text'],
  'result': ['result'],
  'failed': ['message', 'fatal'],
  'pong': [],
} as const satisfies Record<WorkerMessage['type'], readonly string[]>;

function hasShape(data: unknown, table: Record<string, readonly string[]>): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const msg = data as Record<string, unknown>;
  if (typeof msg.type !== 'string' || typeof msg.id !== 'number') return false;
  const fields = Object.hasOwn(table, msg.type) ? table[msg.type] : undefined;
  return fields !== undefined && fields.every((f) => f in msg);
}

/** True when `data` is a page → worker message of a known type with its fields present. */
export function isClientMessage(data: unknown): data is ClientMessage {
  return hasShape(data, CLIENT_MESSAGE_FIELDS);
}

/** True when `data` is a worker → page message of a known type with its fields present. */
export function isWorkerMessage(data: unknown): data is WorkerMessage {
  return hasShape(data, WORKER_MESSAGE_FIELDS);
}
