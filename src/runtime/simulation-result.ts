/**
 * The concurrency simulations' input and output, exactly as `concurrency.api.run_spec` takes and
 * returns them (src/runtime/python/concurrency/README.md, "Result shape"). Keys keep Python's
 * snake_case on purpose, as in server-result.ts: one name per field from Python to the page.
 * Every time is in virtual seconds; only `real` varies between runs.
 */
import type { ServerMode } from './protocol.ts';
import type { ServerError, Violation } from './server-result.ts';

/** One request of a workload; a bare string is `{ at: 0, path: it }`. */
export type WorkloadRequest = string | {
  at?: number;
  path?: string;
  method?: string;
  headers?: [string, string][];
  body?: string;
  id?: number | string;
  /** A WebSocket connection instead: the scripted client's text messages, `gap` seconds apart once accepted. */
  websocket?: string[];
  gap?: number;
};

/** A generated workload: `round(requests × slow_share)` of them go to `slow_path`. */
export interface WorkloadGenerator {
  requests?: number;
  /** Arrivals per virtual second. */
  rate?: number;
  slow_share?: number;
  slow_path?: string;
  fast_path?: string;
  pattern?: 'even' | 'burst' | 'poisson';
  seed?: number;
}

/** What to simulate: the pool and/or the loop, each serving the reader's workspace, on one workload. */
export interface SimulationSpec {
  /** A master and N sync workers serving a WSGI app ("module:callable", gunicorn-style). */
  pool?: { app_spec?: string; workers?: number; timeout?: number | null; mode?: ServerMode };
  /** One asyncio event loop serving an ASGI app. */
  loop?: { app_spec?: string; body_chunk?: number; horizon?: number | null; messages?: boolean };
  requests?: WorkloadRequest[];
  generate?: WorkloadGenerator;
}

/** Where a request's (or a boot's) time went: a blocking or awaiting call. */
export interface TimeSegment {
  kind: 'io' | 'cpu' | 'sleep' | 'await_io';
  call: string;
  start: number;
  end: number;
  /** Loop stalls only: the request whose code blocked the loop. */
  request?: number | string;
}

export interface SimulatedRequest {
  id: number | string;
  method: string;
  path: string;
  at: number;
  start: number | null;
  end: number | null;
  wait: number | null;
  /** Null unless the outcome is "complete". */
  latency: number | null;
  outcome: 'complete' | 'cut' | 'killed' | 'unfinished';
  status: string | null;
  body_bytes: number;
  body_preview: string;
  segments: TimeSegment[];
  violations: (Violation | { rule: string; spec: string; url: string; message: string; fix: string })[];
  warnings: { rule: string; message: string; [key: string]: unknown }[];
  error: ServerError | null;
  stdout: string;
  headers?: [string, string][];
  /** Pool only. */
  worker?: number;
  pid?: number;
  log?: string;
  /** Loop only: the ASGI messages in order. */
  events?: { t: number; dir: 'receive' | 'send'; type: string; [key: string]: unknown }[];
}

export interface LatencyStats { p50: number | null; p95: number | null; max: number | null; mean: number | null }

export interface SimulationMetrics {
  requests: number;
  completed: number;
  outcomes: Partial<Record<SimulatedRequest['outcome'], number>>;
  latency: LatencyStats;
  wait: LatencyStats;
  max_queue: number;
  duration: number;
  throughput_mean: number;
}

export interface ServerRun {
  server: 'pool' | 'loop';
  clock: 'virtual';
  settings: Record<string, unknown>;
  /** Set when nothing ran (the app failed to import, a bad workload or setting). */
  error: (ServerError & { kind: 'app_load' | 'workload' | 'settings' }) | { kind: 'workload' | 'settings'; message: string } | null;
  requests: SimulatedRequest[];
  /** [t, count] at each change. */
  queue: [number, number][];
  in_flight: [number, number][];
  throughput: { second: number; finished: number }[];
  metrics: SimulationMetrics | null;
  log: { t: number | null; text: string }[];
  real: { cpu_ms: number; note: string } | null;
  /** Pool only. */
  workers?: {
    index: number;
    boots: { pid: number; start: number; end: number; segments: TimeSegment[]; stdout: string }[];
    busy: { request: number | string; start: number; end: number; outcome?: 'killed' }[];
  }[];
  /** Loop only. */
  loop?: {
    startup: { end: number; stdout: string; segments: TimeSegment[] };
    blocked: TimeSegment[];
    blocked_total: number;
  };
}

/** What a simulation run returns: one result per server the spec asked for. */
export interface SimulationResult {
  pool?: ServerRun;
  loop?: ServerRun;
}
