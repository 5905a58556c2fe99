import { test, expect } from '@playwright/test';

// The search index holds the prose and the code, never the labels of the controls around them
// (Run, Reset, Copy, Show a hint…), the editors' keyboard help, or an exercise's hidden solution.
const CONTROL_WORDS = [
  'RunStop', 'Undo reset', 'Run script', 'Add header', 'Example requests', 'Run checks', 'Show a hint',
  'Reset to the starter', 'Show the solution', 'Yes, show the solution', 'Check question', 'Run simulation',
  'Click the code to edit it', 'Runs on Pyodide’s CPython in your browser', 'Not run', 'Copy share link',
  'Add file', 'Remove this file', 'Export progress', 'Keep my progress', 'Reset progress',
];

test('search results show prose and code, not button labels', async ({ page }) => {
  await page.goto('/search/');
  const pages = await page.evaluate(async () => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    await pagefind.init();
    // Words every phase page and the playground contain, so that every indexed page is read.
    const seen = new Map<string, string>();
    for (const word of ['WSGI', 'app', 'request']) {
      const found = await pagefind.search(word);
      for (const result of found.results) {
        const data = await result.data();
        seen.set(data.url, data.content);
      }
    }
    return [...seen].map(([url, content]) => ({ url, content }));
  });
  expect(pages.map((p) => p.url)).toEqual(expect.arrayContaining(['/', '/phases/what-wsgi-is/', '/phases/an-app-from-scratch/', '/playground/']));
  const leaks = pages.flatMap(({ url, content }) => CONTROL_WORDS.filter((w) => content.includes(w)).map((w) => `${url}: ${w}`));
  expect(leaks).toEqual([]);
  // Prose and code are still there: a sentence of phase 1 and a line of one of its examples.
  const phase1 = pages.find((p) => p.url === '/phases/what-wsgi-is/')!.content;
  expect(phase1).toContain('That is the server’s job.');
  expect(phase1).toContain('def call_like_a_server(application, path):');
  // An exercise's solution is not searchable (it would give the puzzle away).
  const phase2 = pages.find((p) => p.url === '/phases/an-app-from-scratch/')!.content;
  expect(phase2).not.toContain('METHODS = {"GET": list_notes, "POST": add_note}');
});
