// Avro records written by Apache Avro's own Python implementation decode exactly: every field is
// compared with what the writer was given, including a union, a bytes and a fixed decimal, a
// timestamp-millis, a date and longs beyond 2^53. Bad bytes give an error value, never an exception.
import { describe, expect, it } from 'vitest';
import { confluentFrame, decodeAvro, decodeFramed, compileRegistrySchema, parseAvroSchema, isDecodeFailure, type Decoded, type DecodeOutcome } from '../../lib/decode/formats';
import { fromHex, integerAt, python } from './oracles';

const schema = {
  type: 'record',
  name: 'Payment',
  namespace: 'com.example',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'min', type: 'long' },
    { name: 'max', type: 'long' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'rate', type: { type: 'fixed', name: 'Rate', size: 8, logicalType: 'decimal', precision: 18, scale: 6 } },
    { name: 'created', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'created_us', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'note', type: ['null', 'string'] },
    { name: 'missing', type: ['null', 'string'] },
    { name: 'ref', type: ['null', 'long', { type: 'record', name: 'Ref', fields: [{ name: 'code', type: 'string' }] }] },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID', 'VOID'] } },
    { name: 'raw', type: 'bytes' },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'counts', type: { type: 'map', values: 'int' } },
    { name: 'ratio', type: 'float' },
    { name: 'share', type: 'double' },
    { name: 'ok', type: 'boolean' },
  ],
};

// Apache Avro (Python) writes the record; the script also reports the numbers it derived itself.
const WRITER = `
import io, json, sys, datetime, decimal
import avro.schema, avro.io
schema = avro.schema.parse(sys.stdin.read())
created = datetime.datetime(2024, 2, 29, 13, 45, 6, 789000, tzinfo=datetime.timezone.utc)
created_us = datetime.datetime(1969, 12, 31, 23, 59, 59, 123456, tzinfo=datetime.timezone.utc)
record = {
  'id': 2**53 + 1, 'min': -2**63, 'max': 2**63 - 1,
  'amount': decimal.Decimal('-12345.67'), 'rate': decimal.Decimal('0.000123'),
  'created': created, 'created_us': created_us, 'day': datetime.date(1999, 12, 31),
  'note': 'x', 'missing': None, 'ref': {'code': 'R-1'}, 'status': 'PAID',
  'raw': bytes([0, 255, 16]), 'tags': ['a', 'b\\u00e9'], 'counts': {'z': 1, '10': 2, '2': -3},
  'ratio': 0.1, 'share': 1.0/3, 'ok': True,
}
buf = io.BytesIO()
avro.io.DatumWriter(schema).write(record, avro.io.BinaryEncoder(buf))
print(buf.getvalue().hex())
epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
print(json.dumps({'createdMs': (created - epoch) // datetime.timedelta(milliseconds=1),
                  'createdUs': (created_us - epoch) // datetime.timedelta(microseconds=1),
                  'days': (datetime.date(1999, 12, 31) - datetime.date(1970, 1, 1)).days}))
`;

function ok(outcome: DecodeOutcome): Decoded {
  if (isDecodeFailure(outcome)) throw new Error(`decode failed: ${outcome.error}`);
  return outcome;
}

describe('Avro written by Apache Avro (Python)', () => {
  const [hex, derivedLine] = python(WRITER, JSON.stringify(schema)).trim().split('\n');
  const bytes = fromHex(hex!);
  const derived = JSON.parse(derivedLine!) as { createdMs: number; createdUs: number; days: number };
  const parsed = parseAvroSchema(schema);
  if ('error' in parsed) throw new Error(parsed.error);

  it('decodes every field exactly as written', () => {
    const out = ok(decodeAvro(bytes, parsed));
    expect(out.typeName).toBe('com.example.Payment');
    // 64-bit longs are exact in the text (JSON.parse would round the first one).
    expect(integerAt(out.json, 'id')).toBe('9007199254740993');
    expect(integerAt(out.json, 'min')).toBe('-9223372036854775808');
    expect(integerAt(out.json, 'max')).toBe('9223372036854775807');
    const v = JSON.parse(out.json) as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(schema.fields.map((f) => f.name));
    expect(v.amount).toBe('-12345.67');
    expect(v.rate).toBe('0.000123');
    expect(v.created).toBe('2024-02-29T13:45:06.789Z');
    expect(v.created_us).toBe('1969-12-31T23:59:59.123456Z');
    expect(v.day).toBe('1999-12-31');
    expect(v.note).toEqual({ string: 'x' });
    expect(v.missing).toBeNull();
    expect(v.ref).toEqual({ 'com.example.Ref': { code: 'R-1' } });
    expect(v.status).toBe('PAID');
    expect(v.raw).toBe('00ff10');
    expect(v.tags).toEqual(['a', 'bé']);
    expect(v.ratio).toBe(0.1); // the float's shortest form, not 0.10000000149011612
    expect(v.share).toBe(1 / 3);
    expect(v.ok).toBe(true);
    // Map entries stay in wire order, integer-like keys included.
    expect(out.json).toContain('"counts":{"z":1,"10":2,"2":-3}');
  });

  it('keeps the encoded value of every logical type beside its readable form', () => {
    const out = ok(decodeAvro(bytes, parsed));
    const byPath = Object.fromEntries(out.annotations.map((a) => [a.path, a]));
    expect(byPath['/created']).toEqual({ path: '/created', logicalType: 'timestamp-millis', raw: String(derived.createdMs) });
    expect(byPath['/created_us']).toEqual({ path: '/created_us', logicalType: 'timestamp-micros', raw: String(derived.createdUs) });
    expect(byPath['/day']).toEqual({ path: '/day', logicalType: 'date', raw: String(derived.days) });
    // -1234567 as the shortest two's complement, and 123 in 8 bytes.
    expect(BigInt.asIntN(24, BigInt(`0x${byPath['/amount']!.raw}`))).toBe(-1234567n);
    expect(byPath['/rate']).toMatchObject({ logicalType: 'decimal', raw: '000000000000007b' });
  });

  it('reads a Confluent frame around it', () => {
    const framed = new Uint8Array([0, 0, 0, 0, 42, ...bytes]);
    const frame = confluentFrame(framed)!;
    expect(frame.schemaId).toBe(42);
    const compiled = compileRegistrySchema({ schema: JSON.stringify(schema) });
    if ('error' in compiled) throw new Error(compiled.error);
    const out = ok(decodeFramed(frame, compiled));
    expect(out).toMatchObject({ format: 'avro', schemaId: 42 });
    expect(out.json).toBe(ok(decodeAvro(bytes, parsed)).json);
  });

  it('gives an error, not an exception, for bytes that are not the record', () => {
    for (const bad of [bytes.subarray(0, bytes.length - 3), new Uint8Array([...bytes, 0]), new Uint8Array([0xff, 0xff, 0xff])]) {
      const out = decodeAvro(bad, parsed);
      expect(isDecodeFailure(out)).toBe(true);
    }
    expect(decodeAvro(bytes.subarray(0, 5), parsed)).toMatchObject({ format: 'avro', error: expect.stringMatching(/truncated/) });
  });

  it('refuses a block count of nulls meant to spin forever', () => {
    const nulls = parseAvroSchema({ type: 'array', items: 'null' });
    if ('error' in nulls) throw new Error(nulls.error);
    // count = 2^62 (zigzag varint), then nothing.
    const hostile = new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
    expect(decodeAvro(hostile, nulls)).toMatchObject({ error: expect.stringMatching(/block of \d+ items/) });
  });

  it('reads recursive schemas, and stops a record nested past the depth limit', () => {
    const list = parseAvroSchema({ type: 'record', name: 'Node', fields: [{ name: 'v', type: 'int' }, { name: 'next', type: ['null', 'Node'] }] });
    if ('error' in list) throw new Error(list.error);
    // v=1, next=Node(v=2, next=null): zigzag ints, union branch 1 then 0.
    expect(decodeAvro(new Uint8Array([2, 2, 4, 0]), list)).toMatchObject({ json: '{"v":1,"next":{"Node":{"v":2,"next":null}}}' });
    const deep = new Uint8Array(2 * 400 + 2).fill(2);
    deep[deep.length - 1] = 0;
    expect(decodeAvro(deep, list)).toMatchObject({ error: expect.stringMatching(/nested deeper/) });
  });

  it('an invalid schema is an error value', () => {
    expect(parseAvroSchema('{"type":"record","name":"X","fields":[{"name":"a","type":"nope"}]}')).toMatchObject({ error: expect.stringMatching(/invalid Avro schema/) });
    expect(parseAvroSchema('not json')).toMatchObject({ error: expect.any(String) });
  });
});
