import { test, expect, type Page } from '@playwright/test';
import type { Server } from 'node:http';
import { distDir, serveStatic } from './runtime-server.ts';
import { collectErrors, expectClicksAnswered, openRuntime, sendRequest, type PlainResult } from './runtime-page.ts';

// Runaway code always ends with a clear message and the next run works — with cross-origin isolation
// (interrupt first, then terminate + warm standby) and without it (terminate + respawn).
const HELLO = { 'app.py': [
  'def app(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    return [b'hello after the stop']",
].join('\n') };

/** The reader's app with `code` at the start of its body (each case misbehaves inside the app). */
function appWith(code: string): Record<string, string> {
  const body = code.trimEnd().split('\n').map((line) => `    ${line}`).join('\n');
  return { 'app.py': `def app(environ, start_response):\n${body}\n    start_response('200 OK', [])\n    return [b'done']\n` };
}
// Runaway loops get a short limit to keep the suite quick; the other cases a long one, so a busy
// shared machine cannot turn a RecursionError or the output limit into a time-limit stop.
const LOOP_LIMIT_MS = 1500;
const OTHER_LIMIT_MS = 30_000;

const cases: { name: string; code: string; kind: string; message: RegExp; restartedWhenIsolated: boolean | null; outputLimit?: number }[] = [
  { name: 'while True: pass', code: 'while True:\n    pass\n', kind: 'time-limit', message: /Time limit: the run took longer than 1\.5 s/, restartedWhenIsolated: false },
  { name: 'sum(range(10**12))', code: 'sum(range(10**12))\n', kind: 'time-limit', message: /Time limit/, restartedWhenIsolated: true },
  { name: 'a bare except swallowing the interrupt', code: 'while True:\n    try:\n        while True:\n            pass\n    except:\n        pass\n', kind: 'time-limit', message: /Time limit/, restartedWhenIsolated: true },
  { name: 'def f(): f()', code: 'def f():\n    return f()\nf()\n', kind: 'recursion', message: /Recursion limit: a function kept calling itself/, restartedWhenIsolated: null },
  { name: "b'x' * 10**10", code: "data = b'x' * 10**10\n", kind: 'memory', message: /Memory limit/, restartedWhenIsolated: null },
  { name: 'a print flood', code: "while True:\n    print('flood ' * 20)\n", kind: 'output-limit', message: /Output limit: the run printed more than 100,000 characters/, restartedWhenIsolated: null, outputLimit: 100_000 },
];

test.describe.configure({ timeout: 180_000 });

for (const variant of [{ isolated: true, port: 4411 }, { isolated: false, port: 4412 }]) {
  test.describe.serial(`runaway code ${variant.isolated ? 'with' : 'without'} cross-origin isolation`, () => {
    let server: Server;
    let page: Page;
    let errors: string[];
    const base = `http://127.0.0.1:${variant.port}`;

    test.beforeAll(async ({ browser }) => {
      server = await serveStatic(distDir, variant.port, variant.isolated);
      page = await browser.newPage();
      errors = collectErrors(page);
      await openRuntime(page, base);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(variant.isolated);
    });
    test.afterAll(async () => {
      await page?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    for (const c of cases) {
      test(`${c.name} ends with a clear message, and the next run works`, async () => {
        const viaStandby = variant.isolated && c.restartedWhenIsolated === true;
        if (viaStandby) {
          // The forced stop must switch to the warm standby: Python is never "loading" in between.
          expect(await page.evaluate(() => (window as any).runtimeTest.client.whenStandbyReady())).toBe(true);
          await page.evaluate(() => { (window as any).runtimeTest.statesSeen.length = 0; });
        }
        const timeLimitMs = c.kind === 'time-limit' ? LOOP_LIMIT_MS : OTHER_LIMIT_MS;
        const running = sendRequest(page, appWith(c.code), undefined, { timeLimitMs, outputLimit: c.outputLimit });
        await expectClicksAnswered(page, 2);
        const result: PlainResult = await running;
        expect(result.notice?.kind, JSON.stringify(result).slice(0, 600)).toBe(c.kind);
        expect(result.notice?.message).toMatch(c.message);
        if (c.restartedWhenIsolated !== null) {
          expect(result.notice?.restarted).toBe(variant.isolated ? c.restartedWhenIsolated : true);
        }
        await expect(page.getByRole('status', { name: 'Runtime notice' })).toContainText(result.notice!.message.slice(0, 20));
        const next = await sendRequest(page, HELLO);
        expect(next.notice).toBeNull();
        expect(next.status).toBe('200 OK');
        expect(next.body).toBe('hello after the stop');
        if (viaStandby) expect(await page.evaluate(() => (window as any).runtimeTest.statesSeen)).not.toContain('loading');
        expect(errors, 'no error reaches the console').toEqual([]);
      });
    }
  });
}
