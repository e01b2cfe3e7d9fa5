// The live tail's window on its own: bounded, newest first, paused records held up to the bound and
// the rest marked as skipped on resume, bursts sampled per frame and counted.
import { describe, expect, it } from 'vitest';
import type { Message } from '@/lib/schemas/message';
import { LiveWindow } from './live-window';

const msg = (offset: number): Message => ({
  partition: 0,
  offset: String(offset),
  timestamp: 0,
  timestampType: 'CreateTime',
  key: null,
  value: { encoding: 'text', text: `v${offset}`, base64: null, size: 2, truncated: false },
  headers: [],
  compression: null,
  transactional: null,
});
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => msg(from + i));
const offsets = (w: LiveWindow) => w.rows.map((r) => (r.kind === 'message' ? Number(r.message.offset) : `skipped ${r.count}`));
const asIs = (raw: unknown) => raw as Message;

describe('LiveWindow', () => {
  it('keeps at most `size` rows, newest first', () => {
    const w = new LiveWindow(5, 100, asIs);
    w.push(range(0, 3));
    expect(w.frame()).toBe(true);
    w.push(range(3, 4));
    w.frame();
    expect(offsets(w)).toEqual([6, 5, 4, 3, 2]);
    expect(w.frame()).toBe(false);
  });

  it('holds records while paused, and shows them on resume', () => {
    const w = new LiveWindow(5, 100, asIs);
    w.push(range(0, 2));
    w.frame();
    w.pause();
    w.push(range(2, 3));
    expect(w.frame()).toBe(false);
    expect(offsets(w)).toEqual([1, 0]);
    expect(w.heldCount()).toEqual({ held: 3, skipped: 0 });
    w.resume();
    expect(offsets(w)).toEqual([4, 3, 2, 1, 0]);
    expect(w.heldCount()).toEqual({ held: 0, skipped: 0 });
  });

  it('beyond the window, holds the newest and marks how many were skipped, inside the window', () => {
    const w = new LiveWindow(5, 100, asIs);
    w.push(range(0, 2));
    w.frame();
    w.pause();
    w.push(range(2, 8));
    w.frame();
    expect(w.heldCount()).toEqual({ held: 4, skipped: 4 });
    w.resume();
    expect(offsets(w)).toEqual([9, 8, 7, 6, 'skipped 4']);
    w.push(range(10, 1));
    w.frame();
    expect(offsets(w)).toEqual([10, 9, 8, 7, 6]);
    const big = new LiveWindow(10, 100, asIs);
    big.push(range(0, 2));
    big.frame();
    big.pause();
    big.push(range(2, 9));
    big.frame();
    big.push(range(11, 2));
    big.frame();
    big.resume();
    expect(offsets(big)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 'skipped 2']);
  });

  it('samples a burst to `perFrame` records and counts the rest; only shown records are checked', () => {
    let checked = 0;
    const w = new LiveWindow(1000, 100, (raw) => (checked++, raw as Message));
    w.push(range(0, 450));
    w.frame();
    expect(w.rows).toHaveLength(100);
    expect(offsets(w)[0]).toBe(449);
    expect(w.sampledOut).toBe(350);
    expect(checked).toBe(100);
  });
});
