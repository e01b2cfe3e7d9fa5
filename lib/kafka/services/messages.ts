// The message browser: one partition or all of them merged by timestamp, from the earliest, the
// latest, an offset or a timestamp up to an optional stop (range.ts), in either order, with opaque cursors to the newer and the older
// neighbouring pages. Ranges are resolved against the watermarks first (latest = the last `limit`
// records before the high watermark), and every read is a group-less fetch from the leader.
import 'server-only';
import type { MessagePage, MessagesQuery } from '../../schemas/message';
import type { Masker } from '../../decode/masking';
import type { ClusterClients } from '../connection/clients';
import { checkFilter, keepMatching } from '../filtering/record-filter';
import { decodingFor } from '../formats/record-decoding';
import { decodeCursor, encodeCursor, type Cursor } from '../reading/cursor';
import { mergeBackward, mergeForward } from '../reading/merge';
import { PayloadBudget, recordTimestamp, toMessage } from '../reading/message-dto';
import { requirePartition, requireTopic, type PartitionMeta } from '../reading/metadata';
import { readPartition, type ReadRecord } from '../reading/reader';
import type { RawCluster } from '../connection/kafkajs-types';
import { getWatermarks, watermarkOf, type Watermarks } from '../reading/watermarks';
import { browseDirection, resolveScanRange } from '../reading/range';

const clamp = (x: bigint, lo: bigint, hi: bigint) => (x < lo ? lo : x > hi ? hi : x);

/** Reads up to `limit` records before `end` (exclusive), widening the window backwards over gaps
 * left by compaction or transaction markers. Returned in offset order. */
async function readBackward(cluster: RawCluster, topic: string, p: PartitionMeta, end: bigint, low: bigint, limit: number): Promise<ReadRecord[]> {
  let collected: ReadRecord[] = [];
  let windowEnd = end;
  let span = BigInt(limit);
  for (let attempt = 0; attempt < 5 && windowEnd > low && collected.length < limit; attempt++) {
    const start = clamp(windowEnd - span, low, windowEnd);
    const r = await readPartition(cluster, { topic, partition: p.partition, leader: p.leader, from: start, end: windowEnd, max: Number(windowEnd - start) });
    collected = [...r.records, ...collected];
    windowEnd = start;
    span *= 4n;
  }
  return collected.slice(Math.max(0, collected.length - limit));
}

/** Where a page reads in each partition: the cursor's position, else the range's start. `bounds`
 * is where paging may go: the range's stop (`to`) is a limit, its start is only where reading began,
 * so a page can still go to newer or older records across it (as from a produced record's link). */
async function startCursor(clients: ClusterClients, topic: string, wm: Map<number, Watermarks>, q: MessagesQuery) {
  const range = await resolveScanRange(clients, topic, wm, q, browseDirection(q));
  const bounds = new Map<number, Watermarks>();
  for (const [p, w] of wm) {
    const r = range.parts.get(p)!;
    bounds.set(p, range.dir === 'fwd' ? { low: w.low, high: r.hi } : { low: r.lo, high: w.high });
  }
  const pos = new Map<number, bigint>();
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    for (const [p, b] of bounds) pos.set(p, clamp(c.pos.get(p) ?? (c.dir === 'fwd' ? b.high : b.low), b.low, b.high));
    return { cursor: { dir: c.dir, pos } satisfies Cursor, bounds, notices: range.notices };
  }
  for (const [p, r] of range.parts) pos.set(p, range.dir === 'fwd' ? r.lo : r.hi);
  return { cursor: { dir: range.dir, pos } satisfies Cursor, bounds, notices: range.notices };
}

/** `mask`: applied to every message before it leaves (lib/decode/masking.ts); null: none. */
export async function getMessages(clients: ClusterClients, topic: string, q: MessagesQuery, mask: Masker | null = null): Promise<MessagePage> {
  // A filter keeps the page's records that pass; the cursors still move by the records read.
  const filter = checkFilter(q.filter);
  const t = await requireTopic(clients, topic);
  const parts = q.partition !== undefined ? [requirePartition(t, q.partition)] : t.partitions;
  const wm = await getWatermarks(clients, parts.map((p) => ({ topic, partition: p.partition })));
  const known = new Map(parts.map((p) => [p.partition, watermarkOf(wm, topic, p.partition) ?? { low: 0n, high: 0n }]));
  const { cursor: start, bounds, notices } = await startCursor(clients, topic, known, q);
  // Leaderless partitions (a node is down) are left out of the read; the rest still answer.
  const readable = parts.filter((p) => p.leader >= 0 && watermarkOf(wm, topic, p.partition));

  const lists = await clients.lanes.interactive.run((cluster) =>
    Promise.all(
      readable.map(async (p) => {
        const { low, high } = bounds.get(p.partition)!;
        const at = start.pos.get(p.partition)!;
        if (start.dir === 'back') return readBackward(cluster, topic, p, at, low, q.limit);
        const r = await readPartition(cluster, { topic, partition: p.partition, leader: p.leader, from: at, end: high, max: q.limit });
        return r.records;
      }),
    ),
  );
  const taken = start.dir === 'fwd' ? mergeForward(lists, q.limit, recordTimestamp) : mergeBackward(lists, q.limit, recordTimestamp);

  const first = new Map<number, bigint>();
  const last = new Map<number, bigint>();
  for (const r of taken) {
    if (!first.has(r.partition) || r.offset < first.get(r.partition)!) first.set(r.partition, r.offset);
    if (!last.has(r.partition) || r.offset > last.get(r.partition)!) last.set(r.partition, r.offset);
  }
  const newer = new Map<number, bigint>();
  const older = new Map<number, bigint>();
  let hasNewer = false;
  let hasOlder = false;
  for (const p of parts) {
    const w = bounds.get(p.partition)!;
    const at = start.pos.get(p.partition)!;
    const n = last.has(p.partition) ? last.get(p.partition)! + 1n : at;
    const o = first.get(p.partition) ?? at;
    newer.set(p.partition, n);
    older.set(p.partition, o);
    if (n < w.high) hasNewer = true;
    if (o > w.low) hasOlder = true;
  }
  const newerCursor = hasNewer ? encodeCursor({ dir: 'fwd', pos: newer }) : null;
  const olderCursor = hasOlder ? encodeCursor({ dir: 'back', pos: older }) : null;

  // The merge yields oldest-first going forwards and newest-first going backwards; show in `order`.
  const inOrder = (start.dir === 'fwd') === (q.order === 'asc') ? taken : [...taken].reverse();
  // The page's distinct schema ids are resolved at once, then every record decodes synchronously.
  const choice = await decodingFor(clients.config, inOrder, q, topic);
  const budget = new PayloadBudget();
  return {
    topic,
    watermarks: parts.map((p) => {
      const w = watermarkOf(wm, topic, p.partition);
      return { partition: p.partition, low: (w?.low ?? 0n).toString(), high: (w?.high ?? 0n).toString() };
    }),
    notices,
    messages: (await keepMatching(filter, inOrder, choice)).map((k) => {
      const m = toMessage(k.record, budget, choice, k.decided);
      return mask ? mask(m) : m;
    }),
    next: q.order === 'asc' ? newerCursor : olderCursor,
    prev: q.order === 'asc' ? olderCursor : newerCursor,
  };
}
