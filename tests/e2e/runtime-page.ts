/**
 * Drives the runtime test page (/runtime-test/) from Playwright: every call goes through the one
 * client the site uses (window.runtimeTest.client) and comes back as plain, printable data.
 */
import { expect, type Page } from '@playwright/test';

export interface PlainResult {
  notice: { kind: string; message: string; restarted: boolean } | null;
  stdout: string;
  stderr: string;
  exception: { type: string; message: string } | null;
  status: string | null;
  body: string | null;
  error: { kind: string; message: string } | null;
}

/** Open the test page at `base` and wait until Python is loaded. */
export async function openRuntime(page: Page, base: string, query = ''): Promise<void> {
  await page.goto(`${base}/runtime-test/${query}`);
  await page.getByRole('button', { name: 'Load Python' }).click();
  await expect(page.locator('#rt-state')).toHaveText('ready', { timeout: 60_000 });
}

/** Replace the workspace with `files` and run `path` as a script. */
export function runScript(page: Page, files: Record<string, string>, path = 'app.py', timeLimitMs?: number): Promise<PlainResult> {
  return page.evaluate(async ({ files, path, timeLimitMs }) => {
    const { client } = (window as any).runtimeTest;
    await client.setFiles(files);
    const r = await client.runScript(path, { timeLimitMs }).result;
    return { notice: r.notice, stdout: r.stdout, stderr: r.stderr, exception: r.exception, status: null, body: null, error: null };
  }, { files, path, timeLimitMs });
}

/** Replace the workspace with `files` and send `request` (structured) to app:app through the core. */
export function sendRequest(
  page: Page, files: Record<string, string>,
  request: { method: string; target: string; headers?: [string, string][]; body?: string } = { method: 'GET', target: '/' },
  options: { timeLimitMs?: number; mode?: string; outputLimit?: number } = {},
): Promise<PlainResult> {
  return page.evaluate(async ({ files, request, options }) => {
    const { client } = (window as any).runtimeTest;
    await client.setFiles(files);
    const r = await client.request(request, options).result;
    const s = r.server;
    return {
      notice: r.notice, stdout: r.stdout, stderr: r.stderr, exception: r.exception,
      status: s?.status ?? null, body: s ? new TextDecoder().decode(s.body) : null,
      error: s?.error ? { kind: s.error.kind, message: s.error.message } : null,
    };
  }, { files, request, options });
}

/** Click the page's counter `times` times and check each click was handled (the page is not frozen). */
export async function expectClicksAnswered(page: Page, times = 3): Promise<void> {
  const counter = page.getByRole('button', { name: /^Clicked \d+ times$/ });
  const before = Number((await counter.textContent())?.match(/\d+/)?.[0]);
  for (let i = 1; i <= times; i++) {
    await counter.click();
    await expect(counter).toHaveText(`Clicked ${before + i} times`, { timeout: 1000 });
  }
}

/** Console errors and uncaught errors of `page` (and its workers) from now on; expect it to stay empty. */
export function collectErrors(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') found.push(`console error: ${message.text()}`); });
  page.on('pageerror', (error) => found.push(`uncaught: ${error.message}`));
  page.on('worker', (worker) => worker.on('console', (message) => {
    if (message.type() === 'error') found.push(`worker console error: ${message.text()}`);
  }));
  return found;
}
