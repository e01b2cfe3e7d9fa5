'use client';
// Columns a user can widen or narrow, remembered per browser: a table with one column that takes the
// rest (the message value) lets its neighbours be resized, by dragging the edge of their header or
// with the arrow keys on it (a focusable separator, as ARIA describes a splitter). Widths live in
// localStorage under the table's own key; until one is set, the table's responsive classes decide.
import { useCallback, useMemo, useSyncExternalStore, type KeyboardEvent, type PointerEvent } from 'react';

export type ColumnWidths = Partial<Record<string, number>>;

const MIN = 64;
const MAX = 960;
const STEP = 16;

const clamp = (px: number) => Math.round(Math.min(MAX, Math.max(MIN, px)));

function parse(raw: string): ColumnWidths {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])).map(([k, v]) => [k, clamp(v)]));
  } catch {
    return {};
  }
}

/** Tables of this page that changed their widths: localStorage's own event fires in other tabs only. */
const listeners = new Set<() => void>();
function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The widths set so far (none on the server) and a setter that stores them; `undefined` forgets
 * one column's width. */
export function useColumnWidths(storageKey: string): [ColumnWidths, (column: string, px: number | undefined) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(storageKey) ?? '{}',
    () => '{}',
  );
  const widths = useMemo(() => parse(raw), [raw]);
  const set = useCallback(
    (column: string, px: number | undefined) => {
      const next: ColumnWidths = { ...parse(localStorage.getItem(storageKey) ?? '{}') };
      if (px === undefined) delete next[column];
      else next[column] = clamp(px);
      try {
        localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // Storage full or refused: nothing to remember it by.
      }
      for (const l of listeners) l();
    },
    [storageKey],
  );
  return [widths, set];
}

/** The drag handle at the right edge of a header cell (which must be `relative`); `now`: the column's
 * width as far as it is known, for assistive technology. */
export function ResizeHandle({ label, now, width, onResize }: { label: string; now: number; width: () => number; onResize: (px: number | undefined) => void }) {
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const startX = e.clientX;
    const start = width();
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => onResize(start + ev.clientX - startX);
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      onResize(width() + (e.key === 'ArrowRight' ? STEP : -STEP));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      onResize(undefined);
    }
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      aria-valuenow={Math.round(now)}
      tabIndex={0}
      title="Drag to resize (arrow keys too; Delete resets)"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onResize(undefined)}
      className="absolute top-0 right-0 h-full w-2 cursor-col-resize touch-none select-none hover:bg-emerald-500/40 focus-visible:bg-emerald-500/60 focus-visible:outline-none"
    />
  );
}
