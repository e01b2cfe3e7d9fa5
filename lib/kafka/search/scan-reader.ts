// A search's reads: a range of one partition fetched as raw record batches (raw-requests.ts
// fetchRaw) and walked batch by batch. A batch the search's filter rules out (batch-filter.ts) is
// passed over as one "skipped" item — its offsets and timestamps, no records opened — while every
// other batch is opened into records for matching. Control batches (transaction markers) are stepped
// over; an offset below the log start ends the read as out of range; a batch that cannot be opened
// (an unknown codec, corrupt bytes) becomes one placeholder record with the reason, as in browsing.
// The next fetch is sent as soon as an answer's batch headers say where it ends, before its records
// are opened and matched, so the broker reads ahead while this process matches (one fetch in
// flight ahead, as a consumer keeps its fetches ahead of the application). A forward scan read in
// steps passes a ScanCarry from one step to the next: the fetch in flight and the batches of the
// last answer the step did not reach are where the next step starts, so a step boundary neither
// waits a round trip nor fetches the same bytes again.
import 'server-only';
import { errorName } from '../../common/kafka-error-codes';
import type { RawCluster } from '../connection/kafkajs-types';
import { fetchRaw, fetchStats, type RawFetchPartition } from '../connection/raw-requests';
import { brokerOn } from '../reading/reader-broker';
import type { ReadRecord } from '../reading/reader';
import { batchesIn, openRecords, recordBytes, type Batch } from './record-batches';

const OFFSET_OUT_OF_RANGE = 1;
const MAX_FETCHES = 200;
/** Longest stretch of passing over batches between two turns of the event loop: answers carried
 * or already received resolve without one. */
const SLICE_MS = 10;

/** A batch passed over whole: every offset in [first, last] was looked at and none can match. */
export interface SkippedBatch {
  first: bigint;
  last: bigint;
  count: number;
  /** Timestamps of its first and its latest record. */
  firstTs: number;
  maxTs: number;
}

export type ScanItem = { record: ReadRecord } | { skipped: SkippedBatch };

export interface ScanRead {
  items: ScanItem[];
  /** Records looked at (opened or passed over). */
  count: number;
  /** Offset after the last one looked at. */
  next: bigint;
  outOfRange: boolean;
}

/** Answers (received or in flight) a read leaves for the next read of the same partition. */
export interface ScanCarry {
  queue: { offset: bigint; answer: Promise<RawFetchPartition> }[];
}

/** Lets go of what a carry holds (a fetch still in flight is left to finish, unread). */
export function dropCarry(carry: ScanCarry): void {
  for (const a of carry.queue) void a.answer.catch(() => undefined);
  carry.queue = [];
}

export interface ScanRequest {
  topic: string;
  partition: number;
  leader: number;
  from: bigint;
  end: bigint;
  /** Stop once this many records were looked at (at a batch boundary or a record). */
  max: number;
  fetchBytes: number;
  /** Whether a batch may hold a match (null: open every batch). */
  mayMatch: ((b: Batch, records: Buffer) => boolean) | null;
  signal: AbortSignal;
  /** Kept between reads that go on where the last one stopped (forwards). */
  carry?: ScanCarry;
}

export async function scanRange(cluster: RawCluster, req: ScanRequest): Promise<ScanRead> {
  const items: ScanItem[] = [];
  let count = 0;
  let pos = req.from;
  const broker = await brokerOn(cluster, req.leader);
  const fetchAt = (offset: bigint) => fetchRaw(broker, { topic: req.topic, partition: req.partition, offset, maxBytes: req.fetchBytes });
  const carry: ScanCarry = req.carry ?? { queue: [] };
  let turn = performance.now();
  try {
    for (let i = 0; i < MAX_FETCHES && pos < req.end && count < req.max && !req.signal.aborted; i++) {
      if (performance.now() - turn > SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        turn = performance.now();
      }
      // The carried answer for this position, else a fresh fetch (what was carried is for elsewhere).
      const head = carry.queue[0];
      if (head && head.offset === pos) carry.queue.shift();
      else if (head) dropCarry(carry);
      const answer = await (head && head.offset === pos ? head.answer : fetchAt(pos));
      if (answer.errorCode === OFFSET_OUT_OF_RANGE) return { items, count, next: pos, outOfRange: true };
      if (answer.errorCode !== 0) throw Object.assign(new Error(`Fetch of partition ${req.partition} failed: ${errorName(answer.errorCode)}`), { name: 'KafkaJSProtocolError' });
      const before = pos;
      let batches: Batch[];
      try {
        batches = answer.records ? [...batchesIn(answer.records)] : [];
      } catch (err) {
        items.push({ record: { partition: req.partition, offset: pos, raw: null, error: `Undecodable record batch: ${(err as Error).message}` } });
        pos += 1n;
        count++;
        continue;
      }
      // Read ahead from where this answer ends, unless the range ends within it.
      const last = batches.at(-1);
      if (last && last.lastOffset + 1n < req.end && carry.queue.length === 0) {
        carry.queue.push({ offset: last.lastOffset + 1n, answer: fetchAt(last.lastOffset + 1n) });
      }
      fetchStats.batches += batches.length;
      for (const [k, b] of batches.entries()) {
        if (b.lastOffset < pos) continue;
        if (b.baseOffset >= req.end) break;
        if (count >= req.max) {
          // The step is done within this answer: the rest of it is where the next one starts.
          carry.queue.unshift({ offset: pos, answer: Promise.resolve({ ...answer, records: answer.records!.subarray(batches[k]!.at) }) });
          break;
        }
        const whole = b.baseOffset >= pos && b.lastOffset < req.end;
        if (b.control) {
          pos = b.lastOffset + 1n > req.end ? req.end : b.lastOffset + 1n;
          continue;
        }
        let records: Buffer;
        try {
          records = recordBytes(b);
        } catch (err) {
          items.push({ record: { partition: req.partition, offset: b.baseOffset < pos ? pos : b.baseOffset, raw: null, error: `Undecodable record batch: ${(err as Error).message}` } });
          count++;
          pos = b.lastOffset + 1n > req.end ? req.end : b.lastOffset + 1n;
          continue;
        }
        if (whole && req.mayMatch && !req.mayMatch(b, records)) {
          items.push({ skipped: { first: b.baseOffset, last: b.lastOffset, count: b.recordCount, firstTs: b.baseTimestamp, maxTs: b.maxTimestamp } });
          count += b.recordCount;
          pos = b.lastOffset + 1n;
          continue;
        }
        fetchStats.opened++;
        for (const r of openRecords(b, records, pos, req.end)) {
          fetchStats.records++;
          items.push({ record: { partition: req.partition, offset: r.offset, raw: r.raw } });
          count++;
          pos = r.offset + 1n;
          if (count >= req.max) break;
        }
        if (count < req.max) pos = b.lastOffset + 1n > req.end ? req.end : b.lastOffset + 1n > pos ? b.lastOffset + 1n : pos;
        else if (pos <= b.lastOffset) {
          // Stopped inside this batch: the next step opens it again from the position.
          carry.queue.unshift({ offset: pos, answer: Promise.resolve({ ...answer, records: answer.records!.subarray(b.at) }) });
          break;
        }
      }
      // Nothing at or after the position although the range is not done: a gap we cannot see past.
      if (pos === before) break;
    }
  } finally {
    if (!req.carry) dropCarry(carry);
  }
  return { items, count, next: pos, outOfRange: false };
}
