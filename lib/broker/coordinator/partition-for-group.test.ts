// Which __consumer_offsets partition a group lives on must match Kafka bit for bit (Java's
// String.hashCode and Utils.abs), or clients would look for their coordinator on the wrong node.
import { describe, expect, it } from 'vitest';
import { javaStringHashCode, partitionForGroup } from './partition-for-group';

describe('partitionForGroup', () => {
  it('computes Java String.hashCode, overflow included', () => {
    expect(javaStringHashCode('')).toBe(0);
    expect(javaStringHashCode('a')).toBe(97);
    expect(javaStringHashCode('hello')).toBe(99162322);
    expect(javaStringHashCode('Aa')).toBe(2112);
    expect(javaStringHashCode('BB')).toBe(2112);
    expect(javaStringHashCode('polygenelubricants')).toBe(-2147483648);
  });

  it('hashes UTF-16 code units, so astral characters count twice', () => {
    // "😀" is the surrogate pair d83d de00: 0xd83d * 31 + 0xde00.
    expect(javaStringHashCode('😀')).toBe(0xd83d * 31 + 0xde00);
  });

  it('maps with Utils.abs (sign bit cleared) modulo the partition count', () => {
    expect(partitionForGroup('', 50)).toBe(0);
    expect(partitionForGroup('a', 50)).toBe(97 % 50);
    expect(partitionForGroup('hello', 50)).toBe(99162322 % 50);
    expect(partitionForGroup('polygenelubricants', 50)).toBe(0);
    expect(partitionForGroup('Aa', 7)).toBe(2112 % 7);
  });

  it('refuses a partition count that cannot be', () => {
    expect(() => partitionForGroup('g', 0)).toThrow(RangeError);
  });
});
