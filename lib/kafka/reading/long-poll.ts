// Follows the end of some partitions led by one broker: one Fetch for all of them that the broker
// holds open until a record arrives or `maxWaitMs` passes (Kafka's long poll), so an idle tail costs
// one request per partition leader per wait, and a new record is sent on within milliseconds. Like
// the reader, it drops records below each position (a fetch returns whole batches) and transaction
// control records.
import 'server-only';
import type { RawBroker } from '../connection/kafkajs-types';
import { READ_UNCOMMITTED } from '../connection/kafkajs-types';
import type { ReadRecord } from './reader';

const PARTITION_MAX_BYTES = 1024 * 1024;

export interface PollResult {
  records: ReadRecord[];
  /** A partition's position is no longer in its log (deleted, truncated): it must be found again. */
  outOfRange: boolean;
}

/** One long poll; advances `positions` past what it returns. */
export async function longPoll(broker: RawBroker, topic: string, positions: Map<number, bigint>, maxWaitMs: number): Promise<PollResult> {
  let res;
  try {
    res = await broker.fetch({
      isolationLevel: READ_UNCOMMITTED,
      maxWaitTime: maxWaitMs,
      minBytes: 1,
      maxBytes: 4 * PARTITION_MAX_BYTES,
      topics: [{ topic, partitions: [...positions].map(([partition, pos]) => ({ partition, fetchOffset: pos.toString(), maxBytes: PARTITION_MAX_BYTES })) }],
    });
  } catch (err) {
    if ((err as { name?: string }).name === 'KafkaJSOffsetOutOfRange') return { records: [], outOfRange: true };
    throw err;
  }
  const records: ReadRecord[] = [];
  for (const t of res.responses) {
    for (const p of t.partitions) {
      const pos = positions.get(p.partition);
      if (pos === undefined) continue;
      let next = pos;
      for (const m of p.messages) {
        const offset = BigInt(m.offset);
        if (offset < pos) continue;
        if (offset >= next) next = offset + 1n;
        if (m.isControlRecord) continue;
        records.push({ partition: p.partition, offset, raw: m });
      }
      positions.set(p.partition, next);
    }
  }
  return { records, outOfRange: false };
}
