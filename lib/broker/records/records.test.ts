// Record batches as producers send them: CRC-32C against published values and a reference,
// build/decode round trips, LogAppendTime rewriting in place, and every batch the broker must refuse.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodecs } from '../../codecs/compression';
import { ErrorCode } from '../../common/kafka-error-codes';
import * as H from './batch-header';
import { buildRecordBatch, type RecordInput } from './build';
import { crc32c } from './crc32c';
import { decodeRecords } from './decode';
import { setLogAppendTime } from './log-append-time';
import { checkCompressionForProduceVersion, validateProducedBatches } from './validate';

const rec = (i: number) => ({
  key: Buffer.from(`key-${i}`),
  value: Buffer.from(`value-${i} `.repeat(20)),
  headers: [{ key: 'h', value: Buffer.from(String(i)) }],
  timestamp: 1_700_000_000_000n + BigInt(i),
});

/** Recomputes the CRC after a test has tampered with CRC-covered fields. */
const reseal = (b: Buffer) => b.writeUInt32BE(crc32c(b, H.CRC_START), H.CRC);

describe('crc32c', () => {
  it('matches the published check values', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
    expect(crc32c(Buffer.alloc(32, 0))).toBe(0x8a9136aa); // RFC 3720 B.4: 32 bytes of zeros
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43); // RFC 3720 B.4: 32 bytes of 0xff
  });
  it('agrees with a bit-by-bit reference on any range and any memory alignment', () => {
    const memory = new Uint8Array(200);
    for (let i = 0; i < memory.length; i++) memory[i] = (i * 37 + 11) & 255;
    const slow = (b: Uint8Array, s: number, e: number) => {
      let c = 0xffffffff;
      for (let i = s; i < e; i++) {
        c ^= b[i]!;
        for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    // Views starting at every byte offset within a word, so the aligned word path and the byte loop
    // around it both run; ranges shorter than, equal to and spanning several 16-byte steps.
    for (let shift = 0; shift < 8; shift++) {
      const b = Buffer.from(memory.buffer, shift, 150);
      for (const [s, e] of [[0, 150], [3, 97], [5, 12], [1, 2], [0, 16], [7, 40], [2, 149]] as const) {
        expect(crc32c(b, s, e)).toBe(slow(b, s, e));
      }
    }
  });
});

describe('build and decode', () => {
  beforeAll(() => loadCodecs());

  for (const compression of [0, 1, 2, 3, 4] as const) {
    it(`round-trips records with compression ${compression}`, () => {
      const input: RecordInput[] = Array.from({ length: 50 }, (_, i) => rec(i));
      input.push({ key: null, value: null, headers: [], timestamp: 1_700_000_000_100n });
      const batch = buildRecordBatch(input, { compression, baseOffset: 1000n, producerId: 7n, producerEpoch: 1, baseSequence: 5 });
      const { header, records } = decodeRecords(batch);
      expect(header.recordCount).toBe(51);
      expect(H.compressionOf(header.attributes)).toBe(compression);
      expect(header.producerId).toBe(7n);
      expect(header.baseSequence).toBe(5);
      expect(header.maxTimestamp).toBe(1_700_000_000_100n);
      expect(records.map((r) => r.offset)).toEqual(input.map((_, i) => 1000n + BigInt(i)));
      expect(records.map((r) => r.timestamp)).toEqual(input.map((r) => r.timestamp));
      expect(records[3]!.key!.toString()).toBe('key-3');
      expect(records[3]!.value!.equals(input[3]!.value!)).toBe(true);
      expect(records[3]!.headers).toEqual([{ key: 'h', value: Buffer.from('3') }]);
      expect(records[50]!.key).toBeNull();
      expect(records[50]!.value).toBeNull();
      expect(validateProducedBatches(buildRecordBatch(input, { compression })).ok).toBe(true);
    });
  }

  it('rewrites a batch to LogAppendTime in place with a valid CRC', () => {
    const batch = buildRecordBatch([rec(1), rec(2)], { compression: 1 });
    setLogAppendTime(batch, 42n);
    const { header, records } = decodeRecords(batch);
    expect(H.isLogAppendTime(header.attributes)).toBe(true);
    expect(header.maxTimestamp).toBe(42n);
    expect(header.baseTimestamp).toBe(42n);
    expect(records.map((r) => r.timestamp)).toEqual([42n, 42n]);
    expect(validateProducedBatches(batch).ok).toBe(true);
  });
});

describe('validateProducedBatches', () => {
  const expectError = (records: Buffer | null, code: number) => {
    const r = validateProducedBatches(records);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errorCode).toBe(code);
  };

  it('accepts several batches and returns views on them', () => {
    const a = buildRecordBatch([rec(1)]);
    const b = buildRecordBatch([rec(2), rec(3)], { compression: 1 });
    const r = validateProducedBatches(Buffer.concat([a, b]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.batches.map((x) => x.length)).toEqual([a.length, b.length]);
    expect(r.header.map((h) => h.recordCount)).toEqual([1, 2]);
  });

  it('rejects missing records', () => {
    expectError(null, ErrorCode.INVALID_RECORD);
    expectError(Buffer.alloc(0), ErrorCode.INVALID_RECORD);
  });

  it('rejects a magic other than 2', () => {
    const b = buildRecordBatch([rec(1)]);
    b.writeInt8(1, H.MAGIC);
    expectError(b, ErrorCode.INVALID_RECORD);
  });

  it('rejects lengths that disagree with the buffer', () => {
    const b = buildRecordBatch([rec(1)]);
    expectError(b.subarray(0, b.length - 1), ErrorCode.CORRUPT_MESSAGE);
    expectError(b.subarray(0, 30), ErrorCode.CORRUPT_MESSAGE);
    const tooSmall = Buffer.from(b);
    tooSmall.writeInt32BE(10, H.BATCH_LENGTH);
    expectError(tooSmall, ErrorCode.CORRUPT_MESSAGE);
    expectError(Buffer.concat([b, Buffer.alloc(5)]), ErrorCode.CORRUPT_MESSAGE);
  });

  it('rejects a bad CRC', () => {
    const b = buildRecordBatch([rec(1)]);
    b[b.length - 1]! ^= 1;
    expectError(b, ErrorCode.CORRUPT_MESSAGE);
  });

  it('rejects a non-zero base offset from a client', () => {
    expectError(buildRecordBatch([rec(1)], { baseOffset: 5n }), ErrorCode.INVALID_RECORD);
  });

  it('rejects lastOffsetDelta that disagrees with recordCount', () => {
    const b = buildRecordBatch([rec(1), rec(2)]);
    b.writeInt32BE(5, H.LAST_OFFSET_DELTA);
    reseal(b);
    expectError(b, ErrorCode.INVALID_RECORD);
  });

  it('rejects control batches', () => {
    expectError(buildRecordBatch([rec(1)], { isControl: true }), ErrorCode.INVALID_RECORD);
  });

  it('rejects an unknown compression codec', () => {
    const b = buildRecordBatch([rec(1)]);
    b.writeInt16BE(5, H.ATTRIBUTES);
    reseal(b);
    expectError(b, ErrorCode.UNSUPPORTED_COMPRESSION_TYPE);
  });

  it('lets the produce handler refuse zstd below Produce v7', async () => {
    await loadCodecs();
    const r = validateProducedBatches(buildRecordBatch([rec(1)], { compression: 4 }));
    if (!r.ok) throw new Error(r.message);
    expect(checkCompressionForProduceVersion(r.header, 6)).toMatchObject({ ok: false, errorCode: ErrorCode.UNSUPPORTED_COMPRESSION_TYPE });
    expect(checkCompressionForProduceVersion(r.header, 7)).toEqual({ ok: true });
  });
});
