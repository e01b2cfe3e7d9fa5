// The packed commits keep 64-bit offsets exact, find groups by id, and compare an answer in place
// exactly (offsets past 2^53 included).
import { describe, expect, it } from 'vitest';
import { commitsOf, knownAt, pack, positionOf, unpack } from './packed-commits';

const MAX = 9_223_372_036_854_775_807n;

describe('packed commits', () => {
  const packed = pack([
    { id: 'b', commits: [{ topic: 't1', partition: 0, offset: MAX }, { topic: 't2', partition: 3, offset: 9_007_199_254_740_993n }] },
    { id: 'a', commits: [{ topic: 't2', partition: 1, offset: 0n }] },
  ]);

  it('keeps groups in id order and offsets exact', () => {
    expect(packed.ids).toEqual(['a', 'b']);
    expect(commitsOf(packed, 'b')).toEqual([
      { topic: 't1', partition: 0, offset: MAX },
      { topic: 't2', partition: 3, offset: 9_007_199_254_740_993n },
    ]);
    expect(commitsOf(packed, 'c')).toEqual([]);
    expect(positionOf(packed, 'a')).toBe(0);
    expect(unpack(packed).map((g) => g.id)).toEqual(['a', 'b']);
  });

  it('compares an answer with what it holds, digit for digit', () => {
    const known = knownAt(packed, positionOf(packed, 'b'));
    expect(known.count).toBe(2);
    expect(known.matches(0, 't1', 0, MAX)).toBe(true);
    expect(known.matches(0, 't1', 0, MAX - 1n)).toBe(false);
    // 2^53 + 1 and 2^53 are the same double: compared as bigints.
    expect(known.matches(1, 't2', 3, 9_007_199_254_740_993n)).toBe(true);
    expect(known.matches(1, 't2', 3, 9_007_199_254_740_992n)).toBe(false);
    expect(known.matches(1, 't1', 3, 9_007_199_254_740_993n)).toBe(false);
  });
});
