/** One queued run as the client tracks it: its message, options, stop hook and streamed output. */
import type { RunSettings, SimulationSpec } from './protocol.ts';
import type { RunOptions } from './client-types.ts';
import type { StopReason } from './stop-notices.ts';
import { newId } from './worker-slot.ts';

export type RunMessage =
  | { type: 'run-request'; request: Uint8Array } | { type: 'run-script'; path: string }
  | { type: 'run-simulation'; spec: SimulationSpec };

export interface Job {
  id: number;
  message: RunMessage;
  options: RunOptions;
  cancelled: boolean;
  stop: ((reason: StopReason) => void) | null;
  /** Resolves when the worker has begun this run: an interrupt sent earlier would be cleared. */
  started: Promise<void>;
  markStarted: () => void;
  /** Resolves when Python has caught the KeyboardInterrupt of a stop. */
  interrupted: Promise<void>;
  markInterrupted: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  output: { stdout: string[]; stderr: string[] };
}

export const DEFAULT_SETTINGS = { appSpec: 'app:app', mode: 'reference', trace: true, outputLimit: 1_000_000, responseLimit: 10_000_000, halfClose: false } as const;

/** A new job for `message`; `started` resolves when the worker reports that it began the run. */
export function createJob(message: RunMessage, options: RunOptions): Job {
  let markStarted = () => {};
  const started = new Promise<void>((resolve) => { markStarted = resolve; });
  let markInterrupted = () => {};
  const interrupted = new Promise<void>((resolve) => { markInterrupted = resolve; });
  return {
    id: newId(), message, options, cancelled: false, stop: null, started, markStarted, interrupted, markInterrupted, timer: undefined,
    output: { stdout: [], stderr: [] },
  };
}

/** The worker's settings for a run: the defaults, overridden by what `options` sets. */
export function settingsFor(options: RunOptions): RunSettings {
  return { ...DEFAULT_SETTINGS, ...pick(options) };
}

function pick(o: RunOptions): Partial<RunSettings> {
  const out: Partial<RunSettings> = {};
  if (o.appSpec !== undefined) out.appSpec = o.appSpec;
  if (o.mode !== undefined) out.mode = o.mode;
  if (o.trace !== undefined) out.trace = o.trace;
  if (o.outputLimit !== undefined) out.outputLimit = o.outputLimit;
  if (o.responseLimit !== undefined) out.responseLimit = o.responseLimit;
  if (o.halfClose !== undefined) out.halfClose = o.halfClose;
  if (o.headerLimit !== undefined) out.headerLimit = o.headerLimit;
  return out;
}
