import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { themeScript, themeScriptHash } from '../../src/components/theme-script.ts';
import { THEME_STORAGE_KEY } from '../../src/components/theme.ts';
import { earlyStartScript, earlyStartScriptHash, PYTHON_EARLY_PLACEHOLDER } from '../../src/runtime/early-start-script.ts';

/** Runs theme-init.js against a fake browser: stored value (or a throwing storage) and OS preference. */
function initialTheme(stored: string | null | Error, osDark: boolean): string | undefined {
  const html = { dataset: {} as Record<string, string> };
  runInNewContext(themeScript, {
    localStorage: {
      getItem: (key: string) => {
        if (stored instanceof Error) throw stored;
        return key === THEME_STORAGE_KEY ? stored : null;
      },
    },
    matchMedia: (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' && osDark }),
    document: { documentElement: html },
  });
  return html.dataset.theme;
}

describe('no-flash theme script', () => {
  it('uses the stored choice first', () => {
    expect(initialTheme('dark', false)).toBe('dark');
    expect(initialTheme('light', true)).toBe('light');
  });

  it('follows the OS when nothing (or nonsense) is stored, or storage throws', () => {
    expect(initialTheme(null, true)).toBe('dark');
    expect(initialTheme('purple', false)).toBe('light');
    expect(initialTheme(new Error('SecurityError'), true)).toBe('dark');
  });

  it('exports the CSP hash of exactly its own bytes', () => {
    const expected = createHash('sha256').update(themeScript).digest('base64');
    expect(themeScriptHash).toBe(`'sha256-${expected}'`);
  });
});

// The build (stage 10) runs before the unit stage; these check what was really shipped, on every
// page that wears the site frame (the sandboxed HTML preview has its own policy and script).
const pages = existsSync('dist')
  ? readdirSync('dist', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
      .filter((f) => readFileSync(`dist/${f}`, 'utf8').includes('class="skip-link"'))
  : [];
// Data blocks (<script type="application/json">) never run, so a CSP does not govern them.
const executable = (attrs: string) => {
  const type = attrs.match(/\btype="([^"]*)"/)?.[1];
  return type === undefined || type === 'module' || /^(text|application)\/javascript$/.test(type);
};

describe.runIf(pages.length > 0)('built pages', () => {
  it.each(pages)('%s inlines only the hashed theme script (and, with live editors, the early Python start)', (file) => {
    const html = readFileSync(`dist/${file}`, 'utf8');
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      ([, attrs]) => !/\bsrc=/.test(attrs) && executable(attrs),
    );
    const startsPython = html.includes('<meta name="wsgi-python-early"');
    expect(inline.map(([, , body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`))
      .toEqual(startsPython ? [themeScriptHash, earlyStartScriptHash] : [themeScriptHash]);
    if (startsPython) {
      // The build wrote the early-start chunk's real URL over the placeholder, and that file exists.
      const url = html.match(/<meta name="wsgi-python-early" content="([^"]+)"/)![1];
      expect(url).not.toContain(PYTHON_EARLY_PLACEHOLDER);
      expect(existsSync(`dist${url}`), url).toBe(true);
      expect(html.indexOf('name="wsgi-python-early"')).toBeLessThan(html.indexOf(earlyStartScript));
    }
    expect(html.indexOf(themeScript)).toBeLessThan(html.indexOf('</head>'));
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"/i);
  });
});
