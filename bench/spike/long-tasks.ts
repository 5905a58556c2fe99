// Spike (issue 9): the main thread's long tasks in a cold visit (fresh profile, like Lighthouse), each
// with what filled it (layout, style, parsing, scripts by URL), from a Chromium trace, for 6 s.
//   node bench/spike/long-tasks.ts /phases/an-app-from-scratch/
import { chromium } from '@playwright/test';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/integrations/preview/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/stats.ts';

type Ev = { name: string; ph: string; dur?: number; ts: number; tid: number; pid: number; args?: { name?: string; data?: { url?: string; functionName?: string } } };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = process.argv[2] ?? '/phases/an-app-from-scratch/';
const server = await startStaticServer({ '/': join(ROOT, 'dist') });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
const events: Ev[] = [];
// Playwright's CDP types call trace events string maps; they carry numbers (ts, pid, dur).
cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as Ev[])));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack', transferMode: 'ReportEvents' });
await page.goto(server.origin + PAGE);
await page.waitForTimeout(6000);
await cdp.send('Tracing.end');
await done;
const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
const mine = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
const nav = Math.min(...mine.filter((e) => e.name === 'ParseHTML').map((e) => e.ts));
for (const task of mine.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 15000)) {
  const inside = mine.filter((e) => e !== task && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0));
  const parts = new Map<string, number>();
  for (const e of inside) {
    const key = e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule'
      ? `${e.name} ${(e.args?.data?.url ?? '').split('/').pop()} ${e.args?.data?.functionName ?? ''}`
      : ['Layout', 'UpdateLayoutTree', 'ParseHTML', 'Paint', 'PrePaint', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'ParseAuthorStyleSheet'].includes(e.name) ? e.name : '';
    if (key) parts.set(key, (parts.get(key) ?? 0) + (e.dur ?? 0) / 1000);
  }
  const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | ');
  console.log(`${((task.ts - nav) / 1000).toFixed(0).padStart(5)} ms  ${((task.dur ?? 0) / 1000).toFixed(0).padStart(4)} ms  ${top}`);
  if (process.env.DETAIL) {
    for (const e of inside.filter((e) => ['Layout', 'UpdateLayoutTree', 'FunctionCall', 'EventDispatch'].includes(e.name) && (e.dur ?? 0) > 2000)) {
      const a = e.args as { beginData?: { stackTrace?: Array<{ functionName: string; url: string; lineNumber: number }>; elementCount?: number; dirtyObjects?: number; totalObjects?: number }; data?: { type?: string; url?: string; functionName?: string } } | undefined;
      const stack = (a?.beginData?.stackTrace ?? []).slice(0, 3).map((f) => `${f.functionName}@${f.url.split('/').pop()}:${f.lineNumber}`).join(' < ');
      console.log(`        ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${a?.data?.type ?? ''} ${(a?.data?.url ?? '').split('/').pop()} ${a?.beginData?.elementCount ?? ''} ${a?.beginData?.dirtyObjects ?? ''}/${a?.beginData?.totalObjects ?? ''} ${stack}`);
    }
  }
}
await browser.close();
await server.close();
process.exit(0);
