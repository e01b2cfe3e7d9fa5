// MessagePack written by msgpack-python, JSON Schema payloads and big-endian ints decode exactly;
// bad bytes of each kind give an error value, never an exception.
import { describe, expect, it } from 'vitest';
import { decodeInt32BE, decodeInt64BE, decodeJsonPayload, decodeMsgpack, isDecodeFailure, type Decoded, type DecodeOutcome } from '../../lib/decode/formats';
import { fromHex, integerAt, python } from './oracles';

function ok(outcome: DecodeOutcome): Decoded {
  if (isDecodeFailure(outcome)) throw new Error(`decode failed: ${outcome.error}`);
  return outcome;
}

const WRITER = `
import msgpack
value = {
  'max': 2**63 - 1, 'min': -2**63, 'umax': 2**64 - 1, 'small': -5,
  'pi': 3.25, 'name': 'caf\\u00e9', 'bin': bytes([0, 1, 254]), 'none': None, 'yes': True,
  'list': [1, [2, 'x'], {}],
  'ordered': {'b': 1, '10': 2, '2': 3},
  7: 'int key', (1, 2): 'array key',
  'ext': msgpack.ExtType(5, b'\\x01\\x02'),
  'when': msgpack.Timestamp(1700000000, 123456789),
}
print(msgpack.packb(value, use_bin_type=True).hex())
`;

describe('MessagePack written by msgpack-python', () => {
  const bytes = fromHex(python(WRITER));

  it('decodes every value exactly, keys in wire order', () => {
    const out = ok(decodeMsgpack(bytes));
    expect(integerAt(out.json, 'max')).toBe('9223372036854775807');
    expect(integerAt(out.json, 'min')).toBe('-9223372036854775808');
    expect(integerAt(out.json, 'umax')).toBe('18446744073709551615');
    const v = JSON.parse(out.json) as Record<string, unknown>;
    // Top-level keys in wire order (JSON.parse would move "7" first, so the text is searched).
    const keys = ['max', 'min', 'umax', 'small', 'pi', 'name', 'bin', 'none', 'yes', 'list', 'ordered', '7', '[1,2]', 'ext', 'when'];
    const positions = keys.map((k) => out.json.indexOf(`${JSON.stringify(k)}:`));
    expect(positions.every((p, i) => p > (positions[i - 1] ?? -1))).toBe(true);
    expect(Object.keys(v).sort()).toEqual([...keys].sort());
    expect(v).toMatchObject({ small: -5, pi: 3.25, name: 'café', bin: '0001fe', none: null, yes: true, list: [1, [2, 'x'], {}] });
    expect(out.json).toContain('"ordered":{"b":1,"10":2,"2":3}');
    expect(v['7']).toBe('int key');
    expect(v['[1,2]']).toBe('array key');
    expect(v.ext).toEqual({ ext: 5, data: '0102' });
    expect(v.when).toBe('2023-11-14T22:13:20.123456789Z');
    expect(out.annotations).toEqual([{ path: '/when', logicalType: 'timestamp', raw: expect.stringMatching(/^[0-9a-f]{16}$/) }]);
  });

  it('bad bytes give an error, not an exception', () => {
    for (const bad of [bytes.subarray(0, bytes.length - 2), new Uint8Array([...bytes, 0xc0]), new Uint8Array([0xc1]), new Uint8Array([0xd7, 0xff, 1, 2, 3])]) {
      expect(isDecodeFailure(decodeMsgpack(bad)), Buffer.from(bad).toString('hex')).toBe(true);
    }
  });
});

describe('JSON Schema payloads', () => {
  it('are the JSON as written, numbers and spacing untouched', () => {
    const text = '{"id": 12345678901234567890, "x": 1.50e3}';
    expect(ok(decodeJsonPayload(Buffer.from(text), 3))).toMatchObject({ format: 'json', json: text, schemaId: 3 });
  });
  it('bad JSON and bad UTF-8 are errors', () => {
    expect(decodeJsonPayload(Buffer.from('{"a":'))).toMatchObject({ error: expect.stringMatching(/not JSON/) });
    expect(decodeJsonPayload(new Uint8Array([0x22, 0xff, 0x22]))).toMatchObject({ error: expect.stringMatching(/UTF-8/) });
  });
});

describe('big-endian ints (Kafka IntegerSerializer / LongSerializer)', () => {
  it('are exact decimal text', () => {
    expect(ok(decodeInt32BE(fromHex('ffffff85'))).json).toBe('-123');
    expect(ok(decodeInt64BE(fromHex('7fffffffffffffff'))).json).toBe('9223372036854775807');
    expect(ok(decodeInt64BE(fromHex('8000000000000000'))).json).toBe('-9223372036854775808');
    const py = python('import struct; print(struct.pack(">q", 2**53 + 1).hex() + struct.pack(">i", -2**31).hex())').trim();
    expect(ok(decodeInt64BE(fromHex(py.slice(0, 16)))).json).toBe('9007199254740993');
    expect(ok(decodeInt32BE(fromHex(py.slice(16)))).json).toBe('-2147483648');
  });
  it('the wrong length is an error', () => {
    expect(decodeInt32BE(new Uint8Array(3))).toMatchObject({ format: 'int32', error: expect.stringMatching(/4 bytes/) });
    expect(decodeInt64BE(new Uint8Array(9))).toMatchObject({ format: 'int64', error: expect.stringMatching(/8 bytes/) });
  });
});
