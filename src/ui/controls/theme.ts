// Light and dark: the page's colours are CSS variables (theme.css) switched by `data-theme` on the
// root element. The choice is remembered in the browser; the first visit follows the system's.
export type Theme = 'light' | 'dark';

const KEY = 'dockyard:theme';

export function initialTheme(): Theme {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // storage refused: fall through to the system's preference
  }
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  try {
    globalThis.localStorage?.setItem(KEY, theme);
  } catch {
    // not remembered: harmless
  }
}
