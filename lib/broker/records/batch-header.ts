// Record batch v2 header: field positions and accessors that read or write straight on the Buffer
// holding the batch (at any position, so a fetch or log buffer of many batches needs no slicing).
// Everything from ATTRIBUTES to the end of the batch is covered by the CRC; BASE_OFFSET and
// PARTITION_LEADER_EPOCH sit outside it, which is why the log may rewrite exactly those two.

export const BASE_OFFSET = 0; // int64
export const BATCH_LENGTH = 8; // int32: bytes after this field
export const PARTITION_LEADER_EPOCH = 12; // int32
export const MAGIC = 16; // int8
export const CRC = 17; // uint32
export const ATTRIBUTES = 21; // int16
export const LAST_OFFSET_DELTA = 23; // int32
export const BASE_TIMESTAMP = 27; // int64
export const MAX_TIMESTAMP = 35; // int64
export const PRODUCER_ID = 43; // int64
export const PRODUCER_EPOCH = 51; // int16
export const BASE_SEQUENCE = 53; // int32
export const RECORD_COUNT = 57; // int32
export const RECORDS = 61;

/** Size of the batch header; also the smallest possible batch. */
export const BATCH_HEADER_SIZE = RECORDS;
/** baseOffset + batchLength: the bytes before what batchLength counts. */
export const LOG_OVERHEAD = 12;
/** Where the CRC-covered region starts. */
export const CRC_START = ATTRIBUTES;

export const COMPRESSION_MASK = 0x07;
export const TIMESTAMP_TYPE_BIT = 0x08;
export const TRANSACTIONAL_BIT = 0x10;
export const CONTROL_BIT = 0x20;

export type CompressionCodec = 0 | 1 | 2 | 3 | 4;
export const Compression = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const;

export interface BatchHeader {
  baseOffset: bigint;
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  crc: number;
  attributes: number;
  lastOffsetDelta: number;
  baseTimestamp: bigint;
  maxTimestamp: bigint;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
}

export function readBatchHeader(buf: Buffer, pos = 0): BatchHeader {
  return {
    baseOffset: buf.readBigInt64BE(pos + BASE_OFFSET),
    batchLength: buf.readInt32BE(pos + BATCH_LENGTH),
    partitionLeaderEpoch: buf.readInt32BE(pos + PARTITION_LEADER_EPOCH),
    magic: buf.readInt8(pos + MAGIC),
    crc: buf.readUInt32BE(pos + CRC),
    attributes: buf.readInt16BE(pos + ATTRIBUTES),
    lastOffsetDelta: buf.readInt32BE(pos + LAST_OFFSET_DELTA),
    baseTimestamp: buf.readBigInt64BE(pos + BASE_TIMESTAMP),
    maxTimestamp: buf.readBigInt64BE(pos + MAX_TIMESTAMP),
    producerId: buf.readBigInt64BE(pos + PRODUCER_ID),
    producerEpoch: buf.readInt16BE(pos + PRODUCER_EPOCH),
    baseSequence: buf.readInt32BE(pos + BASE_SEQUENCE),
    recordCount: buf.readInt32BE(pos + RECORD_COUNT),
  };
}

/** Total size of the batch starting at `pos` (its batchLength plus the 12 bytes before it). */
export function batchSize(buf: Buffer, pos = 0): number {
  return LOG_OVERHEAD + buf.readInt32BE(pos + BATCH_LENGTH);
}

export function baseOffsetOf(buf: Buffer, pos = 0): bigint {
  return buf.readBigInt64BE(pos + BASE_OFFSET);
}

export function lastOffsetOf(buf: Buffer, pos = 0): bigint {
  return buf.readBigInt64BE(pos + BASE_OFFSET) + BigInt(buf.readInt32BE(pos + LAST_OFFSET_DELTA));
}

export function setBaseOffset(buf: Buffer, offset: bigint, pos = 0): void {
  buf.writeBigInt64BE(offset, pos + BASE_OFFSET);
}

export function setPartitionLeaderEpoch(buf: Buffer, epoch: number, pos = 0): void {
  buf.writeInt32BE(epoch, pos + PARTITION_LEADER_EPOCH);
}

export function compressionOf(attributes: number): number {
  return attributes & COMPRESSION_MASK;
}

export function isControl(attributes: number): boolean {
  return (attributes & CONTROL_BIT) !== 0;
}

export function isTransactional(attributes: number): boolean {
  return (attributes & TRANSACTIONAL_BIT) !== 0;
}

export function isLogAppendTime(attributes: number): boolean {
  return (attributes & TIMESTAMP_TYPE_BIT) !== 0;
}
