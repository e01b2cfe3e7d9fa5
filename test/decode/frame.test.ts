// Confluent's framing: magic byte 0, a 4-byte big-endian schema id, then (Protobuf) message indexes.
import { describe, expect, it } from 'vitest';
import { confluentFrame, readMessageIndexes } from '../../lib/decode/formats';

describe('confluentFrame', () => {
  it('reads the id big-endian and hands back the rest', () => {
    const frame = confluentFrame(new Uint8Array([0, 0x01, 0x02, 0x03, 0x04, 9, 8]))!;
    expect(frame.schemaId).toBe(0x01020304);
    expect([...frame.payload]).toEqual([9, 8]);
  });
  it('is null for anything else: other magic, too short, id 0 or negative', () => {
    expect(confluentFrame(new Uint8Array([1, 0, 0, 0, 1]))).toBeNull();
    expect(confluentFrame(new Uint8Array([0, 0, 0, 1]))).toBeNull();
    expect(confluentFrame(new Uint8Array([0, 0, 0, 0, 0, 1]))).toBeNull();
    expect(confluentFrame(new Uint8Array([0, 0xff, 0xff, 0xff, 0xff]))).toBeNull();
    expect(confluentFrame(Buffer.from('{"a":1}'))).toBeNull();
  });
});

describe('readMessageIndexes', () => {
  it('[0] is the single byte 0; others are a zigzag count then zigzag indexes', () => {
    expect(readMessageIndexes(new Uint8Array([0, 0x08, 1]))).toEqual({ indexes: [0], body: new Uint8Array([0x08, 1]) });
    expect(readMessageIndexes(new Uint8Array([4, 2, 6, 0x0a]))).toEqual({ indexes: [1, 3], body: new Uint8Array([0x0a]) });
  });
  it('is null when the bytes cannot be indexes', () => {
    expect(readMessageIndexes(new Uint8Array([]))).toBeNull();
    expect(readMessageIndexes(new Uint8Array([1]))).toBeNull(); // count -1
    expect(readMessageIndexes(new Uint8Array([2, 1]))).toBeNull(); // index -1
    expect(readMessageIndexes(new Uint8Array([4, 2]))).toBeNull(); // cut short
  });
});
