/** Small statistics and formatting helpers shared by the bench scripts in bench/lib and bench/pages.ts. */

/** Median (lower middle for even counts); NaN for an empty list. */
export const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : NaN);

/** 95th percentile by nearest rank; NaN for an empty list. */
export const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] : NaN);

/** Milliseconds as a short string. */
export const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a');

/** Bytes as KB with one decimal. */
export const kb = (x: number) => (Number.isFinite(x) ? `${(x / 1024).toFixed(1)} KB` : 'n/a');

/** The flags every helper's Chromium uses on this closed machine (common rules). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
