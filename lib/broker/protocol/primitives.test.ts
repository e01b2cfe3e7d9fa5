// Reader and Writer primitives: exact bytes for the edge cases of each encoding, round trips, and the
// guarantee that a reader never runs past its end.

import { describe, expect, it } from 'vitest';
import { cat, i16, i32, uv } from './fixtures/bytes';
import { ProtocolError } from './protocol-error';
import { Reader } from './reader';
import { Writer } from './writer';

const hex = (b: Buffer): string => b.toString('hex');
const write = (f: (w: Writer) => void): Buffer => {
  const w = new Writer(4);
  f(w);
  return w.finish();
};

describe('fixed-width integers', () => {
  it('writes big-endian and reads back extremes', () => {
    const b = write((w) =>
      w.int8(-128).int16(-2).uint16(65535).int32(-2147483648).uint32(4294967295).int64(-9223372036854775808n).float64(1.5).bool(true),
    );
    expect(hex(b)).toBe('80' + 'fffe' + 'ffff' + '80000000' + 'ffffffff' + '8000000000000000' + '3ff8000000000000' + '01');
    const r = new Reader(b);
    expect([r.int8(), r.int16(), r.uint16(), r.int32(), r.uint32(), r.int64(), r.float64(), r.bool()]).toEqual([
      -128, -2, 65535, -2147483648, 4294967295, -9223372036854775808n, 1.5, true,
    ]);
    expect(r.remaining).toBe(0);
  });

  it('reads any non-zero byte as true', () => {
    expect(new Reader(Buffer.from([0x02])).bool()).toBe(true);
    expect(new Reader(Buffer.from([0x00])).bool()).toBe(false);
  });
});

describe('varints', () => {
  it.each([
    [0, '00'],
    [1, '01'],
    [127, '7f'],
    [128, '8001'],
    [300, 'ac02'],
    [16383, 'ff7f'],
    [16384, '808001'],
    [2 ** 31, '8080808008'],
    [0xffffffff, 'ffffffff0f'],
  ])('unsigned %d is %s', (n, expected) => {
    expect(hex(write((w) => w.uvarint(n)))).toBe(expected);
    expect(new Reader(Buffer.from(expected, 'hex')).uvarint()).toBe(n);
  });

  it.each([
    [0, '00'],
    [-1, '01'],
    [1, '02'],
    [-64, '7f'],
    [64, '8001'],
    [2147483647, 'feffffff0f'],
    [-2147483648, 'ffffffff0f'],
  ])('zigzag %d is %s', (n, expected) => {
    expect(hex(write((w) => w.varint(n)))).toBe(expected);
    expect(new Reader(Buffer.from(expected, 'hex')).varint()).toBe(n);
  });

  it.each([
    [0n, '00'],
    [-1n, '01'],
    [1n, '02'],
    [9223372036854775807n, 'feffffffffffffffff01'],
    [-9223372036854775808n, 'ffffffffffffffffff01'],
    [1700000000000n, '80a0abfef962'],
  ])('zigzag long %s is %s', (n, expected) => {
    expect(hex(write((w) => w.varlong(n)))).toBe(expected);
    expect(new Reader(Buffer.from(expected, 'hex')).varlong()).toBe(n);
  });

  it('rejects varints that never end or overflow', () => {
    expect(() => new Reader(Buffer.from('ffffffffff01', 'hex')).uvarint()).toThrow(ProtocolError);
    expect(() => new Reader(Buffer.from('ffffffff1f', 'hex')).uvarint()).toThrow(ProtocolError);
    expect(() => new Reader(Buffer.from('8080', 'hex')).uvarint()).toThrow(ProtocolError);
    expect(() => new Reader(Buffer.from('ff'.repeat(10) + '01', 'hex')).varlong()).toThrow(ProtocolError);
  });

  it('refuses to write what an unsigned varint cannot hold', () => {
    expect(() => write((w) => w.uvarint(-1))).toThrow(ProtocolError);
    expect(() => write((w) => w.uvarint(2 ** 32))).toThrow(ProtocolError);
  });
});

describe('strings and bytes', () => {
  it('classic strings: int16 length, -1 for null, UTF-8 byte length', () => {
    const b = write((w) => w.nullableString('hé').nullableString(null).nullableString(''));
    expect(b).toEqual(cat(i16(3), Buffer.from('hé'), i16(-1), i16(0)));
    const r = new Reader(b);
    expect([r.nullableString(), r.nullableString(), r.nullableString()]).toEqual(['hé', null, '']);
  });

  it('compact strings: varint length + 1, 0 for null', () => {
    const b = write((w) => w.compactNullableString('abc').compactNullableString(null).compactNullableString(''));
    expect(hex(b)).toBe('04616263' + '00' + '01');
    const r = new Reader(b);
    expect([r.compactNullableString(), r.compactNullableString(), r.compactNullableString()]).toEqual(['abc', null, '']);
  });

  it('bytes and compact bytes', () => {
    const payload = Buffer.from([1, 2, 3]);
    const b = write((w) => w.nullableBytes(payload).nullableBytes(null).compactNullableBytes(payload).compactNullableBytes(null));
    expect(b).toEqual(cat(i32(3), payload, i32(-1), uv(4), payload, uv(0)));
    const r = new Reader(b);
    expect([r.nullableBytes(), r.nullableBytes(), r.compactNullableBytes(), r.compactNullableBytes()]).toEqual([
      payload, null, payload, null,
    ]);
  });

  it('uuid is 16 raw bytes', () => {
    const id = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    expect(new Reader(write((w) => w.uuid(id))).uuid()).toEqual(id);
    expect(() => write((w) => w.uuid(Buffer.alloc(3)))).toThrow(ProtocolError);
  });

  it('a blob written by reference ends up intact among small fields', () => {
    const big = Buffer.alloc(100_000);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    const b = write((w) => w.int16(7).nullableBytes(big).int32(9));
    const r = new Reader(b);
    expect(r.int16()).toBe(7);
    expect(r.nullableBytes()).toEqual(big);
    expect(r.int32()).toBe(9);
    expect(r.remaining).toBe(0);
  });
});

describe('arrays', () => {
  it('classic and compact counts, null as -1 / 0', () => {
    const b = write((w) => w.arrayLength(2, false).arrayLength(-1, false).arrayLength(2, true).arrayLength(-1, true));
    expect(hex(b)).toBe('00000002' + 'ffffffff' + '03' + '00');
  });

  it('rejects counts the remaining bytes cannot hold, before allocating', () => {
    expect(() => new Reader(cat(i32(0x7fffffff), Buffer.alloc(8))).arrayLength(false)).toThrow(ProtocolError);
    expect(() => new Reader(cat(i32(-2))).arrayLength(false)).toThrow(ProtocolError);
    expect(() => new Reader(cat(uv(1000), Buffer.alloc(3))).arrayLength(true)).toThrow(ProtocolError);
  });
});

describe('tagged fields', () => {
  it('writes ascending tags with sizes and reads known ones, skipping the rest', () => {
    const b = write((w) =>
      w.taggedFields([
        { tag: 5, bytes: Buffer.from([0xaa, 0xbb]) },
        { tag: 1, bytes: Buffer.from([0x00, 0x2a]) },
      ]).int8(7),
    );
    expect(hex(b)).toBe('02' + '01' + '02' + '002a' + '05' + '02' + 'aabb' + '07');
    const r = new Reader(b);
    const seen: number[] = [];
    r.taggedFields((tag, field) => {
      if (tag !== 1) return false;
      seen.push(field.int16());
      return true;
    });
    expect(seen).toEqual([42]);
    expect(r.int8()).toBe(7);
  });

  it('an empty section is one zero byte', () => {
    expect(hex(write((w) => w.taggedFields([])))).toBe('00');
  });

  it('a tagged field whose size runs past the end is rejected', () => {
    expect(() => new Reader(Buffer.from('01' + '00' + '09' + 'aa', 'hex')).taggedFields()).toThrow(ProtocolError);
  });

  it('a known tagged field must use exactly its declared size', () => {
    const r = new Reader(Buffer.from('01' + '00' + '03' + '000102', 'hex'));
    expect(() => r.taggedFields((_tag, f) => (f.int16(), true))).toThrow(ProtocolError);
  });
});

describe('reading past the end', () => {
  it.each([
    ['int8', (r: Reader) => r.int8()],
    ['int16', (r: Reader) => r.int16()],
    ['int32', (r: Reader) => r.int32()],
    ['int64', (r: Reader) => r.int64()],
    ['uuid', (r: Reader) => r.uuid()],
    ['string', (r: Reader) => r.nullableString()],
    ['bytes', (r: Reader) => r.nullableBytes()],
  ])('%s throws ProtocolError on a short buffer', (name, read) => {
    expect(() => read(new Reader(Buffer.alloc(0)))).toThrow(ProtocolError);
    if (name !== 'int8') expect(() => read(new Reader(Buffer.from([0x00])))).toThrow(ProtocolError);
  });

  it('a string length beyond the frame throws instead of reading garbage', () => {
    const r = new Reader(cat(i16(10), Buffer.from('abc')));
    expect(() => r.nullableString()).toThrow(/truncated/);
  });

  it('respects an end bound inside a larger buffer', () => {
    const r = new Reader(Buffer.from([1, 2, 3, 4]), 1, 2);
    expect(r.int8()).toBe(2);
    expect(() => r.int8()).toThrow(ProtocolError);
  });
});

describe('Writer growth', () => {
  it('keeps every byte across many scratch-buffer reallocations', () => {
    const w = new Writer(1);
    for (let i = 0; i < 5000; i++) w.int32(i);
    const r = new Reader(w.finish());
    for (let i = 0; i < 5000; i++) expect(r.int32()).toBe(i);
    expect(w.length).toBe(20000);
  });
});
