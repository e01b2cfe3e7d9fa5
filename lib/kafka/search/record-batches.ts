// Record batches (magic 2) as a search reads them, straight from a Fetch answer's bytes: the batch
// header is read without touching the records, so a batch the search can rule out as a whole (see
// batch-filter.ts) costs a header read and native scans of its bytes (and, where the filter must
// look at fields, a walk of their offsets: fieldsOf), not a decode per record;
// the records of the other batches are opened here into the same shape kafkajs gives browsing, so
// matching and the DTO stay the one code path. Compressed batches are decompressed with the
// project's codecs (lib/codecs). Written from Kafka's protocol description, not from kafkajs or the
// embedded broker's code, so the broker's own tests keep checking a reader that is not its mirror.
import 'server-only';
import { decompress } from '../../codecs/compression';
import type { RawRecord } from '../connection/kafkajs-types';

/** Bytes before a batch's records: baseOffset 8, batchLength 4, partitionLeaderEpoch 4, magic 1,
 * crc 4, attributes 2, lastOffsetDelta 4, baseTimestamp 8, maxTimestamp 8, producerId 8,
 * producerEpoch 2, baseSequence 4, recordCount 4. */
const HEADER = 61;
/** baseOffset + batchLength: what batchLength does not count. */
const LOG_OVERHEAD = 12;

export interface Batch {
  baseOffset: bigint;
  lastOffset: bigint;
  baseTimestamp: number;
  maxTimestamp: number;
  recordCount: number;
  compression: number;
  logAppendTime: boolean;
  transactional: boolean;
  control: boolean;
  /** The records' bytes as stored (compressed when `compression` is not 0). */
  body: Buffer;
  /** Where the batch starts in the record set it was read from. */
  at: number;
}

/** The whole batches in a record set; a batch cut short at the end (the fetch size) is left out. */
export function* batchesIn(set: Buffer): Generator<Batch> {
  let at = 0;
  while (at + HEADER <= set.length) {
    const length = set.readInt32BE(at + 8);
    const end = at + LOG_OVERHEAD + length;
    if (end > set.length || length < HEADER - LOG_OVERHEAD) return;
    const magic = set.readInt8(at + 16);
    if (magic !== 2) throw new Error(`record batch magic ${magic} is not supported`);
    const attributes = set.readInt16BE(at + 21);
    const baseOffset = set.readBigInt64BE(at);
    yield {
      baseOffset,
      lastOffset: baseOffset + BigInt(set.readInt32BE(at + 23)),
      baseTimestamp: Number(set.readBigInt64BE(at + 27)),
      maxTimestamp: Number(set.readBigInt64BE(at + 35)),
      recordCount: set.readInt32BE(at + 57),
      compression: attributes & 0x07,
      logAppendTime: (attributes & 0x08) !== 0,
      transactional: (attributes & 0x10) !== 0,
      control: (attributes & 0x20) !== 0,
      body: set.subarray(at + HEADER, end),
      at,
    };
    at = end;
  }
}

/** The batch's records, uncompressed. */
export function recordBytes(b: Batch): Buffer {
  return b.compression === 0 ? b.body : decompress(b.compression, b.body);
}

/** Reads varints and length-prefixed byte strings of a batch's records. */
class Cursor {
  at = 0;
  constructor(private readonly buf: Buffer) {}
  varlong(): number {
    // Most varints of a record (deltas, short lengths) are one byte.
    const first = this.buf[this.at]!;
    if (first < 0x80) {
      this.at++;
      return first & 1 ? -(first + 1) / 2 : first / 2;
    }
    let shift = 0;
    let result = 0;
    for (;;) {
      const byte = this.buf[this.at++]!;
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
      if (shift > 63) throw new RangeError('varint too long');
    }
    // Zig-zag: even numbers are positive.
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  }
  bytes(): Buffer | null {
    const n = this.varlong();
    if (n < 0) return null;
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

/** Calls `visit` with the span [start, end) of each key, value (payload: true), header key and header
 * value (false) of the records, null ones left out, until it returns false. Reads offsets only: no
 * Buffer per field, as it runs over every batch a search passes over. */
export function fieldsOf(records: Buffer, count: number, visit: (start: number, end: number, payload: boolean) => boolean): void {
  const c = new Cursor(records);
  try {
    for (let i = 0; i < count && c.at < records.length; i++) {
      const length = c.varlong();
      const end = c.at + length;
      c.at += 1; // attributes
      c.varlong(); // timestamp delta
      c.varlong(); // offset delta
      for (let k = 0; k < 3 && c.at < end; k++) {
        const n = c.varlong();
        if (k < 2) {
          // The key, then the value.
          if (n >= 0 && !visit(c.at, c.at + n, true)) return;
          if (n > 0) c.at += n;
          continue;
        }
        // Headers: n of them, each a key and a value.
        for (let h = 0; h < 2 * n && c.at < end; h++) {
          const m = c.varlong();
          if (m >= 0 && !visit(c.at, c.at + m, false)) return;
          if (m > 0) c.at += m;
        }
      }
      c.at = end;
    }
  } catch (err) {
    // A varint longer than 64 bits: the batch is corrupt, and opening it will say so.
    if (!(err instanceof RangeError)) throw err;
  }
}

/** The records of a batch whose offsets are in [from, end), shaped as kafkajs shapes them. */
export function openRecords(b: Batch, records: Buffer, from: bigint, end: bigint): { offset: bigint; raw: RawRecord }[] {
  const out: { offset: bigint; raw: RawRecord }[] = [];
  const c = new Cursor(records);
  const batchContext = { inTransaction: b.transactional, timestampType: b.logAppendTime ? 1 : 0 };
  for (let i = 0; i < b.recordCount && c.at < records.length; i++) {
    const length = c.varlong();
    const recordEnd = c.at + length;
    c.at += 1; // attributes
    const timestampDelta = c.varlong();
    const offset = b.baseOffset + BigInt(c.varlong());
    if (offset < from || offset >= end) {
      c.at = recordEnd;
      continue;
    }
    const key = c.bytes();
    const value = c.bytes();
    const headers: Record<string, Buffer | null | (Buffer | null)[]> = {};
    for (let h = c.varlong(); h > 0; h--) {
      const k = (c.bytes() ?? Buffer.alloc(0)).toString('utf8');
      const v = c.bytes();
      const had = headers[k];
      headers[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
    }
    c.at = recordEnd;
    const timestamp = b.logAppendTime ? b.maxTimestamp : b.baseTimestamp + timestampDelta;
    out.push({ offset, raw: { offset: offset.toString(), timestamp: String(timestamp), key, value, headers, isControlRecord: b.control, batchContext } });
  }
  return out;
}
