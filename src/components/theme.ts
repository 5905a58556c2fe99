/** Client side of the theme switch; the first paint is handled by theme-init.js. */
export type Theme = 'light' | 'dark';

/** localStorage key, shared with theme-init.js (a unit test checks they agree). */
export const THEME_STORAGE_KEY = 'wsgi-theme';

const darkQuery = () => matchMedia('(prefers-color-scheme: dark)');

/** The theme the reader chose, or null when they never chose (follow the OS). */
export function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** Applies a theme to the page and tells listeners (diagrams, editors) through a `themechange` event. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.dispatchEvent(new CustomEvent('themechange', { detail: { theme } }));
}

/** The theme the page shows now. */
export function currentTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** Switches theme and remembers it; storage failures only cost the memory, never the switch. */
export function chooseTheme(theme: Theme): void {
  applyTheme(theme);
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    /* private mode or full storage: the switch still works for this page */
  }
}

/** Follows OS changes for readers who never chose a theme. */
export function followSystemTheme(): void {
  darkQuery().addEventListener('change', (event) => {
    if (storedTheme() === null) applyTheme(event.matches ? 'dark' : 'light');
  });
}
