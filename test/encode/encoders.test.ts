// The encoders behind "produce with a schema", checked by independent readers: Apache Avro's own
// Python implementation (Debian's python3-avro) reads what encodeAvro wrote for a schema using every
// Avro type and the logical types, and protoc --decode reads what encodeProtobuf wrote. Each value
// is compared with what was typed; 64-bit extremes and negative decimals included.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'lossless-json';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAvroSchema, parseProtobufSchema } from '../../lib/decode/formats';
import { encodeAvro } from '../../lib/encode/avro-encode';
import { EncodeFault, parseJsonInput, type JsonInput } from '../../lib/encode/json-input';
import { encodeProtobuf } from '../../lib/encode/protobuf-encode';
import { protoc, python } from '../decode/oracles';

const SCHEMA = {
  type: 'record',
  name: 'Everything',
  namespace: 'enc',
  fields: [
    { name: 'b', type: 'boolean' },
    { name: 'i', type: 'int' },
    { name: 'lmin', type: 'long' },
    { name: 'lmax', type: 'long' },
    { name: 'f', type: 'float' },
    { name: 'd', type: 'double' },
    { name: 's', type: 'string' },
    { name: 'raw', type: 'bytes' },
    { name: 'fx', type: { type: 'fixed', name: 'Four', size: 4 } },
    { name: 'e', type: { type: 'enum', name: 'Colour', symbols: ['RED', 'GREEN'] } },
    { name: 'arr', type: { type: 'array', items: 'int' } },
    { name: 'm', type: { type: 'map', values: 'string' } },
    { name: 'inner', type: { type: 'record', name: 'Inner', fields: [{ name: 'x', type: 'int' }] } },
    { name: 'u', type: ['null', 'string', 'Inner'] },
    { name: 'dec', type: { type: 'bytes', logicalType: 'decimal', precision: 20, scale: 3 } },
    { name: 'decfx', type: { type: 'fixed', name: 'Dec8', size: 8, logicalType: 'decimal', precision: 18, scale: 2 } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'tmicros', type: { type: 'long', logicalType: 'time-micros' } },
    { name: 'tsmillis', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'tsmicros', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'defaulted', type: 'string', default: 'dflt' },
  ],
};

const VALUE = `{
  "b": true, "i": -2147483648, "lmin": -9223372036854775808, "lmax": 9223372036854775807,
  "f": 1.5, "d": -0.1, "s": "héllo ✓", "raw": "00ff10", "fx": "deadbeef", "e": "GREEN",
  "arr": [1, -2, 3], "m": {"a": "x", "b": "y"}, "inner": {"x": 7}, "u": {"enc.Inner": {"x": 9}},
  "dec": "-12345.678", "decfx": "99.01", "day": "2024-02-29", "tmicros": "13:45:00.000250",
  "tsmillis": "2024-05-06T09:08:09.123+02:00", "tsmicros": "1969-12-31T23:59:59.999999Z"
}`;

function input(text: string): JsonInput {
  const parsed = parseJsonInput(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.value;
}

describe('encodeAvro, read by Apache Avro (Python)', () => {
  it('every type and logical type, exactly', () => {
    const schema = parseAvroSchema(SCHEMA);
    if ('error' in schema) throw new Error(schema.error);
    const bytes = encodeAvro(input(VALUE), schema);
    const out = python(
      `
import avro.schema, avro.io, io, json, sys, decimal, datetime
s = avro.schema.parse(sys.argv[1] if len(sys.argv) > 1 else sys.stdin.readline())
v = avro.io.DatumReader(s).read(avro.io.BinaryDecoder(io.BytesIO(bytes.fromhex(sys.stdin.readline().strip()))))
def conv(x):
    if isinstance(x, (bytes, bytearray)): return x.hex()
    if isinstance(x, decimal.Decimal): return str(x)
    if isinstance(x, (datetime.datetime, datetime.date, datetime.time)): return x.isoformat()
    raise TypeError(type(x))
print(json.dumps(v, default=conv))
`,
      `${JSON.stringify(SCHEMA)}\n${Buffer.from(bytes).toString('hex')}\n`,
    );
    const v = JSON.parse(out.replace(/(-?\d{16,})/g, '"$1"'));
    expect(v).toMatchObject({
      b: true,
      i: -2147483648,
      lmin: '-9223372036854775808',
      lmax: '9223372036854775807',
      f: 1.5,
      d: -0.1,
      s: 'héllo ✓',
      raw: '00ff10',
      fx: 'deadbeef',
      e: 'GREEN',
      arr: [1, -2, 3],
      m: { a: 'x', b: 'y' },
      inner: { x: 7 },
      u: { x: 9 },
      dec: '-12345.678',
      decfx: '99.01',
      day: '2024-02-29',
      tmicros: '13:45:00.000250',
      defaulted: 'dflt',
    });
    expect(new Date(v.tsmillis).getTime()).toBe(Date.UTC(2024, 4, 6, 7, 8, 9, 123));
    expect(v.tsmicros).toMatch(/^1969-12-31T23:59:59\.999999/);
  });

  it('a wrong value names its path', () => {
    const schema = parseAvroSchema(SCHEMA);
    if ('error' in schema) throw new Error(schema.error);
    const bad = (patch: string) => {
      const value = { ...(parse(VALUE) as object), ...(parse(`{${patch}}`) as object) };
      try {
        encodeAvro(input(stringify(value)!), schema);
        return null;
      } catch (err) {
        return err instanceof EncodeFault ? `${err.path}: ${err.message}` : String(err);
      }
    };
    expect(bad('"i": 2147483648')).toBe('/i: 2147483648 is out of range for an int (32-bit)');
    expect(bad('"fx": "dead"')).toBe('/fx: expected 4 bytes (fixed), got 2');
    expect(bad('"u": {"enc.Inner": {"x": "nine"}}')).toBe('/u/enc.Inner/x: expected an int (32-bit), got the string "nine"');
    expect(bad('"u": 5')).toMatch(/^\/u: a union of null, string, enc.Inner needs its branch named/);
    expect(bad('"arr": [1, "two"]')).toBe('/arr/1: expected an int (32-bit), got the string "two"');
    expect(bad('"decfx": "12345678901234567.89"')).toMatch(/^\/decfx: .*precision/);
    expect(bad('"day": "2024-13-01"')).toMatch(/^\/day: expected a date/);
    expect(bad('"day": "2023-02-29"')).toMatch(/^\/day: expected a date/);
    expect(bad('"tsmillis": "2024-05-06T24:00:00Z"')).toMatch(/^\/tsmillis: .*not a valid date-time/);
    expect(bad('"tsmillis": "2024-05-06T10:00:00.1234Z"')).toMatch(/^\/tsmillis: .*more precise/);
  });
});

describe('encodeProtobuf, read by protoc --decode', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kafscope-enc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const PROTO = `syntax = "proto3";
package enc;
message Order {
  string id = 1;
  int64 big = 2;
  uint64 ubig = 3;
  sint32 neg = 4;
  Kind kind = 5;
  repeated Line lines = 6;
  map<string, int32> counts = 7;
  bytes blob = 8;
  double price = 9;
  enum Kind { NONE = 0; RUSH = 1; }
  message Line { string sku = 1; int32 qty = 2; }
}
`;
  it('names, enums, nested and repeated messages, maps, bytes and 64-bit extremes', () => {
    writeFileSync(path.join(dir, 'order.proto'), PROTO);
    const schema = parseProtobufSchema(PROTO);
    if ('error' in schema) throw new Error(schema.error);
    const bytes = encodeProtobuf(
      input('{"id": "o-1", "big": -9223372036854775808, "ubig": "18446744073709551615", "neg": -5, "kind": "RUSH", "lines": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 1}], "counts": {"x": 3}, "blob": "0001ff", "price": 12.5}'),
      schema.messages[0]!,
    );
    const text = protoc(dir, ['--decode=enc.Order', 'order.proto'], Buffer.from(bytes) as unknown as string).toString('utf8');
    expect(text).toContain('id: "o-1"');
    expect(text).toContain('big: -9223372036854775808');
    expect(text).toContain('ubig: 18446744073709551615');
    expect(text).toContain('neg: -5');
    expect(text).toContain('kind: RUSH');
    expect(text.match(/lines \{/g)).toHaveLength(2);
    expect(text).toContain('sku: "b"');
    expect(text).toMatch(/counts \{\s+key: "x"\s+value: 3\s+\}/);
    expect(text).toContain('blob: "\\000\\001\\377"');
    expect(text).toContain('price: 12.5');
  });
});
