/**
 * Lighthouse (npm `lighthouse`, pinned) on every built page, mobile and desktop, with the system
 * Chromium through chrome-launcher: performance, accessibility, best practices, SEO (0-100), and
 * the audits that cost points, so findings can be fixed.
 */
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM, CHROMIUM_ARGS } from './stats.ts';

export interface LighthouseRow { path: string; form: 'mobile' | 'desktop'; scores: Record<string, number>; findings: string[] }

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** LH_FORMS=mobile (or desktop) runs one form factor only; both by default. */
function forms(): Array<'mobile' | 'desktop'> {
  const only = process.env.LH_FORMS;
  return only === 'mobile' || only === 'desktop' ? [only] : ['mobile', 'desktop'];
}

/** Run Lighthouse on `origin + path` for each path, mobile then desktop, in one Chromium. */
export async function runLighthouse(origin: string, paths: string[], log: (s: string) => void): Promise<LighthouseRow[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const rows: LighthouseRow[] = [];
  try {
    for (const path of paths) {
      for (const form of forms()) {
        const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: CATEGORIES };
        const result = await lighthouse(origin + path, flags, form === 'desktop' ? desktopConfig : undefined);
        if (!result) throw new Error(`lighthouse gave no result for ${path}`);
        const lhr = result.lhr;
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
        const findings = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
          .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
        rows.push({ path, form, scores, findings });
        log(`lighthouse ${form} ${path}: ${CATEGORIES.map((c) => scores[c]).join('/')}${findings.length ? `  ← ${findings.join(', ')}` : ''}`);
      }
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
