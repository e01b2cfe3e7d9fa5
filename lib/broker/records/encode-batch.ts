// The one place that lays out a v2 record batch from fields and records: buildRecordBatch (new
// batches) and log compaction (rewriting a batch with fewer records, offsets kept) both use it.

import { compress } from '../../codecs/compression';
import { crc32c } from './crc32c';
import * as H from './batch-header';
import { ByteSink } from './varint';

export interface EncodableRecord {
  offsetDelta: number;
  timestampDelta: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
}

export interface BatchFields {
  baseOffset: bigint;
  partitionLeaderEpoch: number;
  attributes: number; // compression bits say how to compress the records
  lastOffsetDelta: number;
  baseTimestamp: bigint;
  maxTimestamp: bigint;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
}

export function encodeBatch(fields: BatchFields, records: readonly EncodableRecord[]): Buffer {
  const body = new ByteSink(records.length * 64 + 64);
  const rec = new ByteSink(128);
  for (const r of records) {
    rec.pos = 0;
    rec.ensure(1);
    rec.buf[rec.pos++] = 0; // record attributes (unused)
    rec.varlong(r.timestampDelta);
    rec.varint(r.offsetDelta);
    rec.nullableBytes(r.key);
    rec.nullableBytes(r.value);
    rec.varint(r.headers.length);
    for (const h of r.headers) {
      rec.nullableBytes(Buffer.from(h.key, 'utf8'));
      rec.nullableBytes(h.value);
    }
    body.varint(rec.pos);
    body.bytes(rec.buf.subarray(0, rec.pos));
  }
  const payload = compress(H.compressionOf(fields.attributes), body.result());
  const out = Buffer.alloc(H.RECORDS + payload.length);
  out.writeBigInt64BE(fields.baseOffset, H.BASE_OFFSET);
  out.writeInt32BE(out.length - H.LOG_OVERHEAD, H.BATCH_LENGTH);
  out.writeInt32BE(fields.partitionLeaderEpoch, H.PARTITION_LEADER_EPOCH);
  out.writeInt8(2, H.MAGIC);
  out.writeInt16BE(fields.attributes, H.ATTRIBUTES);
  out.writeInt32BE(fields.lastOffsetDelta, H.LAST_OFFSET_DELTA);
  out.writeBigInt64BE(fields.baseTimestamp, H.BASE_TIMESTAMP);
  out.writeBigInt64BE(fields.maxTimestamp, H.MAX_TIMESTAMP);
  out.writeBigInt64BE(fields.producerId, H.PRODUCER_ID);
  out.writeInt16BE(fields.producerEpoch, H.PRODUCER_EPOCH);
  out.writeInt32BE(fields.baseSequence, H.BASE_SEQUENCE);
  out.writeInt32BE(records.length, H.RECORD_COUNT);
  payload.copy(out, H.RECORDS);
  out.writeUInt32BE(crc32c(out, H.CRC_START), H.CRC);
  return out;
}
