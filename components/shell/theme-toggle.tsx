'use client';
// System / Light / Dark, as three radio buttons: the choice is stored in this browser only, and
// "system" follows the operating system as it changes (see theme.ts).
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { THEME_KEY, THEME_MODES, applyTheme, isThemeMode, type ThemeMode } from './theme';

const LABELS: Record<ThemeMode, string> = { system: 'System', light: 'Light', dark: 'Dark' };

function stored(): ThemeMode {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return isThemeMode(v) ? v : 'system';
  } catch {
    return 'system';
  }
}

const noSubscription = () => () => {};

export function ThemeToggle() {
  const name = useId();
  // The server cannot know the stored choice: it renders "system", the browser its own on hydration.
  const initial = useSyncExternalStore(noSubscription, stored, () => 'system' as ThemeMode);
  const [chosen, setChosen] = useState<ThemeMode | null>(null);
  const mode = chosen ?? initial;
  useEffect(() => {
    applyTheme(mode);
    if (mode !== 'system') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [mode]);
  const choose = (m: ThemeMode) => {
    setChosen(m);
    try {
      localStorage.setItem(THEME_KEY, m);
    } catch {
      // Storage refused (private mode): the choice lasts for this page.
    }
  };
  return (
    <fieldset className="mt-3 px-2">
      <legend className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">Theme</legend>
      <div className="flex rounded-md border border-zinc-200 p-0.5 text-xs dark:border-zinc-700">
        {THEME_MODES.map((m) => (
          <label
            key={m}
            className={`flex-1 cursor-pointer rounded px-1.5 py-1 text-center has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-emerald-500 ${
              mode === m ? 'bg-zinc-200 font-medium text-zinc-900 dark:bg-zinc-700 dark:text-white' : 'text-zinc-600 dark:text-zinc-300'
            }`}
          >
            <input type="radio" name={name} value={m} checked={mode === m} onChange={() => choose(m)} className="sr-only" />
            {LABELS[m]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
