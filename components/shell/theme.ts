// Light, dark, or whatever the system prefers, remembered per browser (localStorage). The `dark`
// class on <html> drives Tailwind's dark: variant (app/globals.css). THEME_SCRIPT runs inline in
// <head> before the body is painted (the root layout stamps it with the page's CSP nonce), so a dark
// page never flashes light on load; the toggle applies the same rule afterwards.
export const THEME_KEY = 'kafscope-theme';
export const THEME_MODES = ['system', 'light', 'dark'] as const;
export type ThemeMode = (typeof THEME_MODES)[number];

export function isThemeMode(v: unknown): v is ThemeMode {
  return typeof v === 'string' && (THEME_MODES as readonly string[]).includes(v);
}

/** Sets the class and color-scheme of <html> for `mode`. */
export function applyTheme(mode: ThemeMode): void {
  const dark = mode === 'dark' || (mode === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
}

/** The same rule as applyTheme, as source for the inline script (no imports can run before paint). */
export const THEME_SCRIPT = `(function(){try{var m=localStorage.getItem(${JSON.stringify(THEME_KEY)});var d=m==='dark'||(m!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);var r=document.documentElement;if(d)r.classList.add('dark');r.style.colorScheme=d?'dark':'light';}catch(e){}})();`;
