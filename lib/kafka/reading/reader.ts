// Reads a range of one partition the way a consumer would, but without a group: Fetch from the
// partition's leader, drop the records below the fetch offset (a fetch returns whole batches), skip
// transaction control records, and stop at the end of the range. A batch kafkajs cannot decode
// becomes one placeholder record with an error badge instead of failing the page.
import 'server-only';
import type { RawCluster, RawRecord } from '../connection/kafkajs-types';
import { READ_UNCOMMITTED } from '../connection/kafkajs-types';
import { brokerOn } from './reader-broker';

const PARTITION_MAX_BYTES = 1024 * 1024;
const MAX_FETCHES = 200;

export interface ReadRecord {
  partition: number;
  offset: bigint;
  raw: RawRecord | null;
  /** Set when the record could not be decoded. */
  error?: string;
}

export interface ReadRequest {
  topic: string;
  partition: number;
  leader: number;
  /** First offset to read. */
  from: bigint;
  /** Exclusive end (usually the high watermark). */
  end: bigint;
  /** Stop after this many records. */
  max: number;
  /** Bytes one fetch may bring back for the partition (default 1 MiB). Long scans ask for less, so
   * decoding one answer never holds the event loop long enough to delay the pages. */
  fetchBytes?: number;
  signal?: AbortSignal;
}

export interface ReadResult {
  records: ReadRecord[];
  /** Offset after the last one looked at (next fetch position). */
  next: bigint;
  /** The start was below the log start (deleted by retention or a purge). */
  outOfRange: boolean;
}

function isKafkaProtocolError(e: unknown): boolean {
  const name = (e as { name?: string })?.name ?? '';
  return name.startsWith('KafkaJS') && name !== 'KafkaJSPartialMessageError' && name !== 'KafkaJSInvalidVarIntError' && name !== 'KafkaJSInvalidLongError';
}

export async function readPartition(cluster: RawCluster, req: ReadRequest): Promise<ReadResult> {
  const records: ReadRecord[] = [];
  let pos = req.from;
  if (req.leader < 0) throw Object.assign(new Error(`Partition ${req.partition} has no leader`), { name: 'KafkaJSBrokerNotFound' });
  const broker = await brokerOn(cluster, req.leader);
  for (let i = 0; i < MAX_FETCHES && pos < req.end && records.length < req.max; i++) {
    if (req.signal?.aborted) break;
    let messages: RawRecord[];
    try {
      const res = await broker.fetch({
        isolationLevel: READ_UNCOMMITTED,
        maxWaitTime: 0,
        minBytes: 1,
        maxBytes: 8 * (req.fetchBytes ?? PARTITION_MAX_BYTES),
        topics: [{ topic: req.topic, partitions: [{ partition: req.partition, fetchOffset: pos.toString(), maxBytes: req.fetchBytes ?? PARTITION_MAX_BYTES }] }],
      });
      messages = res.responses[0]?.partitions[0]?.messages ?? [];
    } catch (err) {
      if ((err as { name?: string }).name === 'KafkaJSOffsetOutOfRange') return { records, next: pos, outOfRange: true };
      if (isKafkaProtocolError(err)) throw err;
      // The broker answered but the batch would not decode (unknown codec, corrupt bytes).
      records.push({ partition: req.partition, offset: pos, raw: null, error: `Undecodable record: ${(err as Error).message}` });
      pos += 1n;
      continue;
    }
    let advanced = false;
    for (const m of messages) {
      const offset = BigInt(m.offset);
      if (offset < pos) continue;
      if (offset >= req.end) {
        pos = req.end;
        advanced = true;
        break;
      }
      pos = offset + 1n;
      advanced = true;
      if (m.isControlRecord) continue;
      records.push({ partition: req.partition, offset, raw: m });
      if (records.length >= req.max) break;
    }
    // Nothing at or after the position although the range is not done: a gap we cannot see past.
    if (!advanced) break;
  }
  return { records, next: pos, outOfRange: false };
}
