// The one decode step without a broker: formats forced per payload, decoded text capped like any
// text (on a character boundary, with the raw bytes kept), and every outcome a valid Payload.
import { describe, expect, it } from 'vitest';
import { decideFormat, payloadOf, schemaIdOf, searchableText } from '../../lib/decode';
import { compileRegistrySchema, type CompiledSchema } from '../../lib/decode/formats';
import { PayloadSchema } from '../../lib/schemas/message';
import { frame } from './harness';

const avro = compileRegistrySchema({ schema: JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 's', type: 'string' }] }) }) as CompiledSchema;
const lookup = (id: number) => (id === 7 ? { id, type: 'AVRO' as const, compiled: avro, subject: 'r-value', version: 3 } : { error: `schema id ${id} not found` });

/** Avro bytes of {s: text}: zigzag length, then UTF-8. */
function avroString(text: string): Buffer {
  const bytes = Buffer.from(text);
  let n = bytes.length * 2;
  const len: number[] = [];
  while (n >= 0x80) {
    len.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  len.push(n);
  return Buffer.concat([Buffer.from(len), bytes]);
}

describe('decode step', () => {
  it('decoded text is capped on a character boundary; the bytes are kept', () => {
    const bytes = frame(7, avroString('é'.repeat(600)));
    const d = decideFormat(bytes, 'auto', lookup);
    const p = payloadOf(bytes, d, 501);
    expect(p).toMatchObject({ encoding: 'avro', truncated: true, schema: { id: 7, subject: 'r-value', version: 3, type: 'AVRO' } });
    expect(Buffer.byteLength(p.text!)).toBeLessThanOrEqual(501);
    expect(p.text!.endsWith('é')).toBe(true);
    expect(PayloadSchema.parse(p)).toEqual(p);
    expect(searchableText(bytes, d)).toBe(`{"s":"${'é'.repeat(600)}"}`);
  });

  it('schema ids are collected only for registry formats', () => {
    const bytes = frame(7, avroString('x'));
    expect(schemaIdOf(bytes, 'auto')).toBe(7);
    expect(schemaIdOf(bytes, 'protobuf')).toBe(7);
    expect(schemaIdOf(bytes, 'msgpack')).toBeNull();
    expect(schemaIdOf(Buffer.from('{}'), 'auto')).toBeNull();
  });

  it('no registry: auto falls back to detection, a forced registry format is a badge', () => {
    const bytes = frame(7, avroString('x'));
    // These framed bytes happen to be valid UTF-8, so today's detection calls them text.
    expect(payloadOf(bytes, decideFormat(bytes, 'auto', null), 1000)).toMatchObject({ encoding: 'text', text: bytes.toString('utf8') });
    expect(payloadOf(bytes, decideFormat(bytes, 'avro', null), 1000).error).toMatch(/no schema registry configured/);
  });

  it('forced json and text badge what does not fit, keeping the bytes', () => {
    const p = payloadOf(Buffer.from('nope'), decideFormat(Buffer.from('nope'), 'json', null), 1000);
    expect(p).toMatchObject({ encoding: 'binary', base64: Buffer.from('nope').toString('base64') });
    expect(p.error).toMatch(/^json: /);
    expect(payloadOf(Buffer.from([0xff]), decideFormat(Buffer.from([0xff]), 'text', null), 1000).error).toBe('text: not valid UTF-8');
    expect(payloadOf(Buffer.from('12'), decideFormat(Buffer.from('12'), 'text', null), 1000)).toMatchObject({ encoding: 'text', text: '12' });
  });
});
