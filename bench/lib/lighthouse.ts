/**
 * Lighthouse (npm `lighthouse`, pinned) on every built page, mobile and desktop, with the system
 * Chromium through chrome-launcher: performance, accessibility, best practices, SEO (0-100), and
 * the audits that cost points, so findings can be fixed. Each row is the median of LH_RUNS runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM, CHROMIUM_ARGS } from './stats.ts';

export interface LighthouseRow { path: string; form: 'mobile' | 'desktop'; scores: Record<string, number>; findings: string[]; performanceRuns: number[] }

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** LH_FORMS=mobile (or desktop) runs one form factor only; both by default. */
function forms(): Array<'mobile' | 'desktop'> {
  const only = process.env.LH_FORMS;
  return only === 'mobile' || only === 'desktop' ? [only] : ['mobile', 'desktop'];
}

/**
 * Every run is a first visit. Lighthouse's own reset keeps localStorage (its default clears only file
 * systems, shader cache, service workers and Cache Storage), so runs 2 and 3 of a page found the
 * site's "Python started before" mark and started Python from the page head, downloading 13 MB with an
 * emptied HTTP cache: a returning reader who is also a first visitor, which no reader is.
 */
const FIRST_VISIT: Array<'cookies' | 'file_systems' | 'indexeddb' | 'local_storage' | 'shader_cache' | 'websql' | 'service_workers' | 'cache_storage'> =
  ['cookies', 'file_systems', 'indexeddb', 'local_storage', 'shader_cache', 'websql', 'service_workers', 'cache_storage'];

/** LH_VISIT=returning: a returning reader instead (storage and HTTP cache kept, after one unmeasured
 * visit per page), whose page starts Python from its head. */
const RETURNING = process.env.LH_VISIT === 'returning';

type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** LH_RUNS (default 3) runs per page and form: Lighthouse's own advice is to take the median. */
const RUNS = Math.max(1, Number(process.env.LH_RUNS ?? 3));

/**
 * One report; a run Lighthouse itself calls broken (e.g. NO_NAVSTART, "please run Lighthouse
 * again") is retried up to twice instead of being counted as a score of 0.
 */
async function oneReport(url: string, port: number, form: 'mobile' | 'desktop', log: (s: string) => void): Promise<Report> {
  const visit = RETURNING ? { disableStorageReset: true } : { clearStorageTypes: FIRST_VISIT };
  const flags = { port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: CATEGORIES, ...visit };
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, flags, form === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`lighthouse gave no result for ${url}`);
    if (!result.lhr.runtimeError || attempt === 3) return result.lhr;
    log(`lighthouse ${form} ${url}: ${result.lhr.runtimeError.code}, running again`);
  }
}

/** LH_DUMP=<dir> keeps each median report as JSON there, to read its long tasks and traces. */
function dumpReport(lhr: Report, path: string, form: string) {
  const dir = process.env.LH_DUMP;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${form}${path.replace(/\//g, '_') || '_'}.json`), JSON.stringify(lhr));
}

/** The run with the median performance score of `reports`. */
function medianReport(reports: Report[]): Report {
  const sorted = [...reports].sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Run Lighthouse on `origin + path` for each path, mobile then desktop, in one Chromium; each row is the median of LH_RUNS. */
export async function runLighthouse(origin: string, paths: string[], log: (s: string) => void): Promise<LighthouseRow[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const rows: LighthouseRow[] = [];
  try {
    for (const path of paths) {
      for (const form of forms()) {
        const reports: Report[] = [];
        if (RETURNING) await oneReport(origin + path, chrome.port, form, log); // the first visit, not counted
        for (let i = 0; i < RUNS; i++) reports.push(await oneReport(origin + path, chrome.port, form, log));
        const lhr = medianReport(reports);
        dumpReport(lhr, path, form);
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
        const findings = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
          .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
        const performance = reports.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
        rows.push({ path, form, scores, findings, performanceRuns: performance });
        log(`lighthouse ${form} ${path}: ${CATEGORIES.map((c) => scores[c]).join('/')} (performance runs ${performance.join(', ')})${findings.length ? `  ← ${findings.join(', ')}` : ''}`);
      }
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
