// Lag colours on an absolute scale: a lag is fine, worth a look, or bad by how many records it is,
// the same on every page and whatever else is on screen (a bar scaled to the page's largest lag
// made a lag of 3 look red on a quiet group). The two thresholds are set per browser (the sidebar's
// display settings) and kept in localStorage; lags are 64-bit decimal strings, compared as BigInt.
import { useSyncExternalStore } from 'react';

export interface LagThresholds {
  /** At or above: amber. */
  warn: bigint;
  /** At or above: red. */
  bad: bigint;
}

export const DEFAULT_LAG_THRESHOLDS: LagThresholds = { warn: 1_000n, bad: 100_000n };
export const LAG_THRESHOLDS_KEY = 'kafscope-lag-thresholds';

export type LagTone = 'ok' | 'warn' | 'bad' | 'none';

export function lagTone(lag: string | null, t: LagThresholds = DEFAULT_LAG_THRESHOLDS): LagTone {
  if (lag === null || !/^-?\d+$/.test(lag)) return 'none';
  const n = BigInt(lag);
  return n >= t.bad ? 'bad' : n >= t.warn ? 'warn' : 'ok';
}

export const LAG_TONE_CLASS: Record<LagTone, string> = {
  ok: 'bg-emerald-500',
  warn: 'bg-amber-500',
  bad: 'bg-red-500',
  none: 'bg-zinc-300 dark:bg-zinc-600',
};

/** A bar's length on the absolute scale: a log scale up to the red threshold, full from there. */
export function lagFraction(lag: string | null, t: LagThresholds = DEFAULT_LAG_THRESHOLDS): number {
  if (lag === null || !/^\d+$/.test(lag)) return 0;
  const n = BigInt(lag);
  if (n <= 0n) return 0;
  if (n >= t.bad) return 1;
  return Math.min(1, Math.log10(Number(n) + 1) / Math.log10(Number(t.bad) + 1));
}

export function parseThresholds(raw: string | null): LagThresholds {
  try {
    const v = JSON.parse(raw ?? '') as { warn?: unknown; bad?: unknown };
    if (typeof v.warn === 'string' && typeof v.bad === 'string' && /^\d{1,19}$/.test(v.warn) && /^\d{1,19}$/.test(v.bad)) {
      const warn = BigInt(v.warn);
      const bad = BigInt(v.bad);
      if (warn > 0n && bad >= warn) return { warn, bad };
    }
  } catch {
    // Not set, or not ours: the defaults.
  }
  return DEFAULT_LAG_THRESHOLDS;
}

const listeners = new Set<() => void>();
let cached: { raw: string | null; value: LagThresholds } | null = null;

function read(): LagThresholds {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(LAG_THRESHOLDS_KEY);
  } catch {
    raw = null;
  }
  if (!cached || cached.raw !== raw) cached = { raw, value: parseThresholds(raw) };
  return cached.value;
}

export function saveLagThresholds(t: LagThresholds): void {
  try {
    localStorage.setItem(LAG_THRESHOLDS_KEY, JSON.stringify({ warn: t.warn.toString(), bad: t.bad.toString() }));
  } catch {
    // Storage refused: nothing to remember it in.
  }
  for (const l of listeners) l();
}

/** The thresholds in force in this browser (the defaults while the server renders). */
export function useLagThresholds(): LagThresholds {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      window.addEventListener('storage', cb);
      return () => {
        listeners.delete(cb);
        window.removeEventListener('storage', cb);
      };
    },
    read,
    () => DEFAULT_LAG_THRESHOLDS,
  );
}
