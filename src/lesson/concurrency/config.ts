/**
 * What ConcurrencyView.astro tells its script (JSON inside the view), and how the reader's controls
 * become the workload spec the runtime simulates. Pure functions: no DOM beyond reading the controls.
 */
import type { SimulationSpec } from '../../runtime/client.ts';

/** One app under load: the reader's file (edited in place) and its callable. */
export interface AppConfig {
  /** Workspace file name, e.g. "slow_greeter.py". */
  file: string;
  /** The lesson's code for that file. */
  original: string;
  callable: string;
}

export interface ConcurrencyConfig {
  /** Unique on the page: keys the reader's saved code and element ids. */
  name: string;
  pool: AppConfig | null;
  loop: AppConfig | null;
  /** Fixed parts of the workload (paths, pattern, seed); the controls give the rest. */
  slowPath: string;
  fastPath: string;
  pattern: 'even' | 'burst' | 'poisson';
  seed: number;
  timeout: number | null;
}

/** What the reader sets with the view's inputs. */
export interface Controls {
  workers: number;
  /** Arrivals per virtual second. */
  rate: number;
  /** Percent of requests that go to the slow path (0-100). */
  slowPercent: number;
  requests: number;
}

/** Bounds of each control: the inputs carry them too, and values outside are clamped here. */
export const LIMITS = {
  workers: { min: 1, max: 16, step: 1 },
  rate: { min: 0.5, max: 20, step: 0.5 },
  slowPercent: { min: 0, max: 100, step: 5 },
  requests: { min: 5, max: 200, step: 5 },
} as const satisfies Record<keyof Controls, { min: number; max: number; step: number }>;

/**
 * The view's controls (inputs inside `section`) read and clamped to their bounds, and shown clamped,
 * so what ran is what is shown. An empty or non-numeric field falls back to the lesson's value (the
 * input's default); a loop-only view has no workers input: any number does, the loop ignores it.
 */
export function readControls(section: HTMLElement): Controls {
  const out: Controls = { workers: 1, rate: 1, slowPercent: 0, requests: 1 };
  for (const name of Object.keys(LIMITS) as (keyof Controls)[]) {
    const input = section.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) continue;
    out[name] = clampControl(name, input.valueAsNumber, Number(input.defaultValue));
    if (input.valueAsNumber !== out[name]) input.value = String(out[name]);
  }
  return out;
}

/** `value` as a number inside the control's bounds; `fallback` when it is not a number at all. */
export function clampControl(name: keyof Controls, value: number, fallback: number): number {
  const { min, max } = LIMITS[name];
  if (!Number.isFinite(value)) return fallback;
  const v = name === 'workers' || name === 'requests' ? Math.round(value) : value;
  return Math.min(max, Math.max(min, v));
}

/** "module:callable" for a workspace file. */
export function appSpec(app: AppConfig): string {
  return `${app.file.replace(/\.py$/, '')}:${app.callable}`;
}

/** The workspace the simulation runs on: the reader's current code of each app. */
export function workspace(config: ConcurrencyConfig, code: Record<string, string>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const app of [config.pool, config.loop]) if (app) files[app.file] = code[app.file] ?? app.original;
  return files;
}

/** The run_spec spec for these controls: the same controls always give the same requests. */
export function buildSpec(config: ConcurrencyConfig, controls: Controls): SimulationSpec {
  const spec: SimulationSpec = {
    generate: {
      requests: controls.requests,
      rate: controls.rate,
      // Percent → share, rounded so 0.1 + 0.2-style float noise never reaches the workload.
      slow_share: Math.round(controls.slowPercent * 100) / 10_000,
      slow_path: config.slowPath,
      fast_path: config.fastPath,
      pattern: config.pattern,
      seed: config.seed,
    },
  };
  if (config.pool) spec.pool = { app_spec: appSpec(config.pool), workers: controls.workers, timeout: config.timeout };
  if (config.loop) spec.loop = { app_spec: appSpec(config.loop) };
  return spec;
}
