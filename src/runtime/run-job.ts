/** One queued run as the client tracks it: its message, options, lifecycle, worker and timers. */
import type { ExerciseCheck, ExerciseKind, RunSettings, SimulationSpec } from './protocol.ts';
import type { RunOptions } from './client-types.ts';
import { RunLifecycle, type RunDriver } from './run-lifecycle.ts';
import { newId, type WorkerSlot } from './worker-slot.ts';

export type RunMessage =
  | { type: 'run-request'; request: Uint8Array } | { type: 'run-script'; path: string }
  | { type: 'run-simulation'; spec: SimulationSpec }
  | { type: 'run-checks'; kind: ExerciseKind; checks: ExerciseCheck[] };

export interface Job {
  id: number;
  message: RunMessage;
  options: RunOptions;
  /** Where the run is in its life (queued, sent, running, ... result | stopped | crashed). */
  run: RunLifecycle;
  /** The worker the run was sent to (null while queued). */
  slot: WorkerSlot | null;
  /** The run's time limit, grace period and report deadline, cleared when it ends. */
  timers: ReturnType<typeof setTimeout>[];
}

export const DEFAULT_SETTINGS = { appSpec: 'app:app', mode: 'reference', trace: true, outputLimit: 1_000_000, responseLimit: 10_000_000, halfClose: false } as const;

/** A new queued job for `message`; `driver` carries out its lifecycle's actions for this job. */
export function createJob(message: RunMessage, options: RunOptions, limitMs: number, driver: (job: Job) => RunDriver): Job {
  const job = { id: newId(), message, options, slot: null, timers: [] } as Omit<Job, 'run'> as Job;
  job.run = new RunLifecycle(driver(job), limitMs);
  return job;
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
