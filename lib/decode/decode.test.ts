import { describe, expect, it } from 'vitest';
import { PayloadSchema } from '../schemas/message';
import { decodeHeaders, decodePayload, undecodablePayload } from './index';

describe('payload decoding', () => {
  it('null stays null', () => {
    expect(decodePayload(null)).toBeNull();
  });
  it('JSON is recognised and kept verbatim', () => {
    const p = decodePayload(Buffer.from(' {"price": 12.5, "ticker": "ACME"}'));
    expect(p).toMatchObject({ encoding: 'json', text: ' {"price": 12.5, "ticker": "ACME"}', base64: null, size: 34, truncated: false });
  });
  it('text that only looks like JSON is text', () => {
    expect(decodePayload(Buffer.from('{not json'))?.encoding).toBe('text');
    expect(decodePayload(Buffer.from('foo:first message'))?.encoding).toBe('text');
    expect(decodePayload(Buffer.from(''))).toMatchObject({ encoding: 'text', text: '', size: 0 });
  });
  it('invalid UTF-8 is binary with its exact bytes in base64', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]);
    const p = decodePayload(bytes)!;
    expect(p.encoding).toBe('binary');
    expect(p.text).toBeNull();
    expect(Buffer.from(p.base64!, 'base64').equals(bytes)).toBe(true);
  });
  it('a 2 MB value is cut at the cap on a character boundary, with its full size', () => {
    const big = Buffer.from('é'.repeat(1024 * 1024)); // 2 MiB of two-byte characters
    const p = decodePayload(big, 1001)!;
    expect(p).toMatchObject({ encoding: 'text', size: 2 * 1024 * 1024, truncated: true });
    expect(p.text).toBe('é'.repeat(500));
    expect(PayloadSchema.parse(p)).toEqual(p);
  });
  it('a big binary value keeps only the first cap bytes', () => {
    const big = Buffer.alloc(3000, 0xff);
    const p = decodePayload(big, 1000)!;
    expect(Buffer.from(p.base64!, 'base64').length).toBe(1000);
    expect(p).toMatchObject({ size: 3000, truncated: true });
  });
  it('an undecodable record carries an error badge', () => {
    expect(undecodablePayload('unknown compression codec 9')).toMatchObject({ encoding: 'binary', error: 'unknown compression codec 9' });
  });
});

describe('header decoding', () => {
  it('text, binary, null and repeated keys', () => {
    const h = decodeHeaders({ trace: Buffer.from('abc'), bin: Buffer.from([0xff]), none: null, dup: [Buffer.from('1'), Buffer.from('2')] });
    expect(h).toEqual([
      { key: 'trace', encoding: 'text', text: 'abc', base64: null },
      { key: 'bin', encoding: 'binary', text: null, base64: '/w==' },
      { key: 'none', encoding: 'null', text: null, base64: null },
      { key: 'dup', encoding: 'text', text: '1', base64: null },
      { key: 'dup', encoding: 'text', text: '2', base64: null },
    ]);
  });
});
