// Spike (issue 9): Lighthouse mobile on one page N times, with its metrics and any runtime error.
//   node bench/spike/lighthouse-one.ts /phases/server-and-middleware/ 3
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/stats.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = process.argv[2] ?? '/phases/server-and-middleware/';
const N = Number(process.argv[3] ?? 3);
const server = await startStaticServer({ '/': join(ROOT, 'dist') });
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
for (let i = 0; i < N; i++) {
  const show = (lhr: { audits: Record<string, { details?: { items?: Array<Record<string, unknown>> } }> }) => {
    for (const t of lhr.audits['long-tasks']?.details?.items ?? []) console.log(`   long task ${JSON.stringify(t)}`);
  };
  const r = await lighthouse(server.origin + PAGE, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const lhr = r!.lhr;
  const m = (id: string) => `${id} ${lhr.audits[id]?.displayValue ?? '-'} (${lhr.audits[id]?.score})`;
  if (process.env.LONG) show(lhr as never);
  if (process.env.SHIFTS) console.log(JSON.stringify(lhr.audits['layout-shifts']?.details, null, 1).slice(0, 4000));
  console.log(`benchmarkIndex ${lhr.environment.benchmarkIndex}  cpuSlowdown ${lhr.configSettings.throttling.cpuSlowdownMultiplier}`);
  console.log(`perf ${Math.round((lhr.categories.performance.score ?? 0) * 100)}  ${['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map(m).join('  ')}  ${lhr.runtimeError ? 'ERROR ' + JSON.stringify(lhr.runtimeError) : ''} ${lhr.runWarnings.join(' | ')}`);
}
chrome.kill();
await server.close();
process.exit(0);
