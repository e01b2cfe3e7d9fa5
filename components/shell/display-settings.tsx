'use client';
// Display choices kept in this browser: the theme, and the lag at which a lag turns amber and red
// (components/ui/lag-scale.ts). Folded away in the sidebar's footer.
import { useState } from 'react';
import { DEFAULT_LAG_THRESHOLDS, saveLagThresholds, useLagThresholds } from '@/components/ui/lag-scale';
import { controlLook } from '@/components/ui/field';
import { ThemeToggle } from './theme-toggle';

function LagThresholdsForm() {
  const current = useLagThresholds();
  const [warn, setWarn] = useState(current.warn.toString());
  const [bad, setBad] = useState(current.bad.toString());
  const valid = /^\d{1,18}$/.test(warn) && /^\d{1,18}$/.test(bad) && BigInt(warn) > 0n && BigInt(bad) >= BigInt(warn);
  return (
    <form
      className="mt-3 space-y-1.5 px-2 text-xs"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) saveLagThresholds({ warn: BigInt(warn), bad: BigInt(bad) });
      }}
    >
      <p className="text-zinc-500 dark:text-zinc-400">Lag colours (records)</p>
      <label className="flex items-center justify-between gap-2">
        Amber from
        <input inputMode="numeric" value={warn} onChange={(e) => setWarn(e.target.value.trim())} className={`${controlLook} w-24 py-0.5 text-xs`} />
      </label>
      <label className="flex items-center justify-between gap-2">
        Red from
        <input inputMode="numeric" value={bad} onChange={(e) => setBad(e.target.value.trim())} className={`${controlLook} w-24 py-0.5 text-xs`} />
      </label>
      {!valid ? <p className="text-red-700 dark:text-red-300">Whole numbers, red at or above amber.</p> : null}
      <div className="flex gap-2">
        <button type="submit" disabled={!valid} className="rounded border border-zinc-300 px-2 py-0.5 disabled:opacity-50 dark:border-zinc-600">
          Save
        </button>
        <button
          type="button"
          onClick={() => {
            setWarn(DEFAULT_LAG_THRESHOLDS.warn.toString());
            setBad(DEFAULT_LAG_THRESHOLDS.bad.toString());
            saveLagThresholds(DEFAULT_LAG_THRESHOLDS);
          }}
          className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-600"
        >
          Defaults
        </button>
      </div>
    </form>
  );
}

export function DisplaySettings() {
  return (
    <div className="mt-3 border-t border-zinc-200 pt-2 dark:border-zinc-800">
      <ThemeToggle />
      <details className="mt-2">
        <summary className="cursor-pointer px-2 text-xs text-zinc-500 dark:text-zinc-400">Lag colours</summary>
        <LagThresholdsForm />
      </details>
    </div>
  );
}
