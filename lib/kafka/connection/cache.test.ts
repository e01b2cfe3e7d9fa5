// The short cache shares loads in flight, never keeps failures, and batches only what is missing.
import { describe, expect, it } from 'vitest';
import { TtlCache, mapBounded, type CacheFamily, type CacheKey } from './cache';

describe('cache', () => {
  it('shares one in-flight load and does not keep failures', async () => {
    const c = new TtlCache(10_000);
    let calls = 0;
    const k: CacheKey<number> = { key: 'k' };
    const bad: CacheKey<number> = { key: 'bad' };
    const load = async () => ++calls;
    expect(await Promise.all([c.get(k, load), c.get(k, load)])).toEqual([1, 1]);
    await expect(c.get(bad, () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await c.get(bad, load)).toBe(2);
  });
  it('getMany loads only the missing keys, in one batch, and shares keys in flight', async () => {
    const c = new TtlCache(10_000);
    const batches: string[][] = [];
    const letters: CacheFamily<string, string> = { prefix: 'l:', id: (x) => x };
    const load = async (missing: string[]) => {
      batches.push(missing);
      await new Promise((r) => setTimeout(r, 5));
      return new Map(missing.filter((k) => k !== 'absent').map((k) => [k, k.toUpperCase()]));
    };
    const [a, b] = await Promise.all([c.getMany(letters, ['x', 'y'], load), c.getMany(letters, ['y', 'z', 'absent'], load)]);
    expect(batches).toEqual([['x', 'y'], ['z', 'absent']]);
    expect([...a]).toEqual([['x', 'X'], ['y', 'Y']]);
    expect([...b]).toEqual([['y', 'Y'], ['z', 'Z']]);
    expect([...(await c.getMany(letters, ['z', 'x'], load))]).toEqual([['z', 'Z'], ['x', 'X']]);
    expect(batches.length).toBe(2);
    await expect(c.getMany(letters, ['fails'], () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect([...(await c.getMany(letters, ['fails'], load))]).toEqual([['fails', 'FAILS']]);
  });
  it('mapBounded never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([1, 2, 3, 4, 5, 6], 2, async (x) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return x * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12]);
    expect(peak).toBe(2);
  });
});
