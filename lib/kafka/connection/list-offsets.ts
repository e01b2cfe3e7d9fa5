// ListOffsets (v1-v3) written and read by hand. kafkajs' own definition builds an Encoder (a zeroed
// 512-byte buffer) per topic and per partition, a Long and its decimal text per offset, and throws
// away a whole leader's answer when one partition has an error. Watermarks for the lag of 10,000
// groups are two requests per leader over 10,000+ partitions: that was about 40,000 buffers and
// most of the watermark step's CPU and garbage. Here the request is one buffer of its exact size and
// the answer is read straight from its bytes, each partition handed over with its own error code
// and its offset as an exact 64-bit bigint. Field layouts from Kafka's ListOffsetsRequest/Response
// .json: v1 has no isolation level and no throttle time; v2 and v3 are the same on the wire. (v0,
// before Kafka 0.10.1, stays with kafkajs: watermarks.ts.)
import 'server-only';
import Encoder from 'kafkajs/src/protocol/encoder.js';

export const LIST_OFFSETS_MIN_VERSION = 1;
export const LIST_OFFSETS_MAX_VERSION = 3;
const CONSUMER_REPLICA_ID = -1;

export interface ListOffsetsAsk {
  isolationLevel: number;
  /** Topic -> partitions; every partition is asked for `timestamp`. */
  topics: ReadonlyMap<string, readonly number[]>;
  timestamp: number;
}

/** The request body for `version` (1-3), in one buffer of its exact size. */
export function encodeListOffsets(version: number, ask: ListOffsetsAsk): Encoder {
  let size = 4 + (version >= 2 ? 1 : 0) + 4;
  for (const [topic, partitions] of ask.topics) size += 2 + Buffer.byteLength(topic, 'utf8') + 4 + partitions.length * 12;
  // The timestamp as two 32-bit words, written once per partition without a Long.
  const t = BigInt.asUintN(64, BigInt(ask.timestamp));
  const high = Number(t >> 32n) | 0;
  const low = Number(t & 0xffffffffn) | 0;
  const e = new Encoder(size).writeInt32(CONSUMER_REPLICA_ID);
  if (version >= 2) e.writeInt8(ask.isolationLevel);
  e.writeInt32(ask.topics.size);
  for (const [topic, partitions] of ask.topics) {
    e.writeString(topic).writeInt32(partitions.length);
    for (const p of partitions) e.writeInt32(p).writeInt32(high).writeInt32(low);
  }
  return e;
}

export type OffsetFound = (topic: string, partition: number, errorCode: number, offset: bigint) => void;

/** Reads an answer of `version` (1-3), handing every partition to `found`; returns how many. */
export function decodeListOffsets(version: number, raw: Buffer, found: OffsetFound): number {
  let at = version >= 2 ? 4 : 0; // throttle_time_ms
  let n = 0;
  let t = raw.readInt32BE(at);
  at += 4;
  for (; t > 0; t--) {
    const len = raw.readInt16BE(at);
    at += 2;
    const topic = len < 0 ? '' : raw.toString('utf8', at, (at += len));
    let p = raw.readInt32BE(at);
    at += 4;
    for (; p > 0; p--) {
      const partition = raw.readInt32BE(at);
      const errorCode = raw.readInt16BE(at + 4);
      const offset = raw.readBigInt64BE(at + 14); // after the timestamp
      at += 22;
      found(topic, partition, errorCode, offset);
      n++;
    }
  }
  return n;
}
