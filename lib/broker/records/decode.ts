// Opens one stored batch into records: the few places the broker must look inside a batch
// (timestamp lookup, compaction) and tests. Never on the produce or fetch path.

import { decompress } from '../../codecs/compression';
import { type BatchHeader, compressionOf, isLogAppendTime, readBatchHeader, RECORDS, LOG_OVERHEAD } from './batch-header';
import { ByteSource } from './varint';

export interface DecodedRecord {
  offset: bigint;
  timestamp: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
}

/** Decodes the batch at the start of `batch` (bytes past its batchLength are ignored). */
export function decodeRecords(batch: Buffer): { header: BatchHeader; records: DecodedRecord[] } {
  const header = readBatchHeader(batch, 0);
  const end = LOG_OVERHEAD + header.batchLength;
  if (header.magic !== 2) throw new Error(`unsupported record batch magic ${header.magic}`);
  if (end > batch.length || end < RECORDS) throw new RangeError('record batch is truncated');
  const payload = decompress(compressionOf(header.attributes), batch.subarray(RECORDS, end));
  const src = new ByteSource(payload);
  const logAppendTime = isLogAppendTime(header.attributes);
  const records: DecodedRecord[] = [];
  for (let i = 0; i < header.recordCount; i++) {
    const length = src.varint();
    const recordEnd = src.pos + length;
    src.int8(); // record attributes, unused
    const timestampDelta = src.varlong();
    const offsetDelta = src.varint();
    const key = src.nullableBytes();
    const value = src.nullableBytes();
    const headerCount = src.varint();
    const headers: DecodedRecord['headers'] = [];
    for (let h = 0; h < headerCount; h++) {
      const k = src.nullableBytes();
      headers.push({ key: k === null ? '' : k.toString('utf8'), value: src.nullableBytes() });
    }
    if (src.pos !== recordEnd) throw new RangeError('record length does not match its fields');
    records.push({
      offset: header.baseOffset + BigInt(offsetDelta),
      timestamp: logAppendTime ? header.maxTimestamp : header.baseTimestamp + timestampDelta,
      key,
      value,
      headers,
    });
  }
  return { header, records };
}
