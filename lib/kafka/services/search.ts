// Message search as an NDJSON stream, on the cluster's long-work lane. It searches the view: the
// partition(s), the range (from/to, as browsing reads them: reading/range.ts) and the order. Oldest
// first scans forwards from the range's start; newest first scans backwards from its end in chunks,
// so "the last 100 matches" of a large topic costs what reaching them costs, not a scan from the log
// start. Partitions are scanned in parallel within one shared scan budget, and matches are handed out
// in the view's order merged across partitions by timestamp (search/scan-merge.ts), with progress
// (scanned, matched, position per partition, a resume cursor) a few times a second. It stops at the
// result limit, the budget, the end of the range, or when the client goes away; a stopped search
// continues from its cursor. Keys and values are matched as decoded (the one decode step, in the
// formats asked for), so searching an Avro topic finds a field's value. Reads are raw record batches
// (search/scan-reader.ts): a batch that cannot hold a match is passed over without opening it.
import 'server-only';
import { decideFormat, searchableText, type DecodeChoice } from '../../decode';
import type { Message, SearchEvent, SearchQuery } from '../../schemas/message';
import type { Masker } from '../../decode/masking';
import type { ClusterClients } from '../connection/clients';
import type { RawCluster } from '../connection/kafkajs-types';
import { textMatcher } from '../search/text-matcher';
import { checkFilter, RecordFilter } from '../filtering/record-filter';
import { ScanMerge, type ScanEntry } from '../search/scan-merge';
import { decodingFor, formatsFor } from '../formats/record-decoding';
import { decodeCursor, encodeCursor } from '../reading/cursor';
import { PayloadBudget, recordTimestamp, toMessage, type Decided } from '../reading/message-dto';
import { requirePartition, requireTopic, type PartitionMeta } from '../reading/metadata';
import { resolveScanRange, type Dir, type RangeSpec } from '../reading/range';
import type { ReadRecord } from '../reading/reader';
import { batchFilter } from '../search/batch-filter';
import { dropCarry, scanRange, type ScanCarry, type ScanItem, type ScanRequest } from '../search/scan-reader';
import { getWatermarks, watermarkOf, type Watermarks } from '../reading/watermarks';

/** Records per step of a partition's scan (and per backwards chunk): the first step is small, so the
 * latest few matches cost little, and each further step doubles, up to the largest. */
const FIRST_CHUNK = 500;
const CHUNK = 2000;
/** Bytes per fetch of a scan. Batches are not decoded on arrival (most are passed over whole, and
 * matching gives the event loop back every few milliseconds), so an answer can be large: fewer
 * round trips to the broker. */
const SCAN_FETCH_BYTES = 1024 * 1024;
/** Scanned records a partition may hold ahead of the merge before it waits for slower partitions. */
const AHEAD_MAX = 20_000;
const PROGRESS_MS = 250;
/** Longest stretch of matching between two turns of the event loop. */
const SLICE_MS = 10;

/** Whether the record matches; the key and value decisions made on the way are kept for the DTO. */
function matches(r: ReadRecord, q: SearchQuery, test: (t: string) => boolean, choice: DecodeChoice, decided: Decided): boolean {
  if (!r.raw) return false;
  if (q.in.includes('key') && r.raw.key) {
    decided.key = decideFormat(r.raw.key, choice.keyFormat, choice.lookup);
    const k = searchableText(r.raw.key, decided.key);
    if (k !== null && test(k)) return true;
  }
  if (q.in.includes('value') && r.raw.value) {
    decided.value = decideFormat(r.raw.value, choice.valueFormat, choice.lookup, choice.valueDescriptor);
    const v = searchableText(r.raw.value, decided.value);
    if (v !== null && test(v)) return true;
  }
  if (q.in.includes('headers') && r.raw.headers) {
    for (const [k, v] of Object.entries(r.raw.headers)) {
      if (test(k)) return true;
      for (const x of Array.isArray(v) ? v : [v]) if (x && test(x.toString('utf8'))) return true;
    }
  }
  return false;
}

/** The records of a chunk that match the text and pass the filter, with their decode decisions. */
async function filterTextMatches(filter: RecordFilter, records: ReadRecord[], q: SearchQuery, test: (t: string) => boolean, choice: DecodeChoice): Promise<Map<ReadRecord, Decided>> {
  const candidates: ReadRecord[] = [];
  const decisions: Decided[] = [];
  for (const rec of records) {
    const decided: Decided = {};
    if (matches(rec, q, test, choice, decided)) {
      candidates.push(rec);
      decisions.push(decided);
    }
  }
  const kept = await filter.keep(candidates, choice, decisions);
  return new Map(kept.map((k) => [k.record, k.decided]));
}

/** Whether the match still holds on the message as shown (after masking). */
function matchesShown(m: Message, q: SearchQuery, test: (t: string) => boolean): boolean {
  if (q.in.includes('key') && m.key?.text != null && test(m.key.text)) return true;
  if (q.in.includes('value') && m.value?.text != null && test(m.value.text)) return true;
  if (q.in.includes('headers')) for (const h of m.headers) if (test(h.key) || (h.text !== null && test(h.text))) return true;
  return false;
}

/** Everything in [from, end) in offset order, however many fetches it takes. */
async function scanSpan(cluster: RawCluster, topic: string, p: PartitionMeta, from: bigint, end: bigint, mayMatch: ScanRequest['mayMatch'], signal: AbortSignal): Promise<{ items: ScanItem[]; count: number }> {
  const items: ScanItem[] = [];
  let count = 0;
  let pos = from;
  while (pos < end && !signal.aborted) {
    const r = await scanRange(cluster, { topic, partition: p.partition, leader: p.leader, from: pos, end, max: Number(end - pos), fetchBytes: SCAN_FETCH_BYTES, mayMatch, signal });
    for (const it of r.items) items.push(it);
    count += r.count;
    if (r.outOfRange || r.next <= pos) break;
    pos = r.next;
  }
  return { items, count };
}

/** One partition's scan: its range [lo, hi) and where it has come to. */
interface PartitionScan {
  meta: PartitionMeta;
  lo: bigint;
  hi: bigint;
  /** Next offset to read forwards; the offset after the next record to read backwards. */
  pos: bigint;
  /** Where this run started (the resume position, else the range's start). */
  pos0: bigint;
  /** Records the next step reads. */
  chunk: number;
  done: boolean;
  /** What a forward step leaves for the next (the fetch in flight, the batches not reached). */
  carry: ScanCarry;
}

const startOf = (s: PartitionScan, dir: Dir) => (dir === 'fwd' ? s.lo : s.hi);
const endOf = (s: PartitionScan, dir: Dir) => (dir === 'fwd' ? s.hi : s.lo);

/** The view's range with the search's reading: the order decides the direction, and earliest and
 * latest both stand for the end of the log the order starts at. */
function searchSpec(q: SearchQuery): RangeSpec {
  const from = q.from === 'earliest' || q.from === 'latest' ? (q.order === 'asc' ? 'earliest' : 'latest') : q.from;
  return { ...q, from };
}

/** Validates the query and resolves the ranges (errors become HTTP problems), then streams. */
/** `mask`: masked fields are masked before matching too, so a search cannot find a record by a value
 * the asker may not see. */
export async function searchMessages(clients: ClusterClients, topic: string, q: SearchQuery, signal: AbortSignal, mask: Masker | null = null): Promise<ReadableStream<Uint8Array>> {
  const test = textMatcher(q);
  const compiled = checkFilter(q.filter);
  const mayMatch = batchFilter(q, formatsFor(clients.config, q, topic));
  const resume = q.cursor ? decodeCursor(q.cursor) : null;
  const dir: Dir = q.order === 'asc' ? 'fwd' : 'back';
  const t = await requireTopic(clients, topic);
  const parts = (q.partition !== undefined ? [requirePartition(t, q.partition)] : t.partitions).filter((p) => p.leader >= 0);
  const wm = await getWatermarks(clients, parts.map((p) => ({ topic, partition: p.partition })));
  const known = new Map<number, Watermarks>();
  for (const p of parts) {
    const w = watermarkOf(wm, topic, p.partition);
    if (w) known.set(p.partition, w);
  }
  const range = await resolveScanRange(clients, topic, known, searchSpec(q), dir);
  const state: PartitionScan[] = parts
    .filter((p) => range.parts.has(p.partition))
    .map((p) => {
      const { lo, hi } = range.parts.get(p.partition)!;
      const s: PartitionScan = { meta: p, lo, hi, pos: dir === 'fwd' ? lo : hi, pos0: 0n, chunk: FIRST_CHUNK, done: false, carry: { queue: [] } };
      const at = resume?.pos.get(p.partition);
      if (at !== undefined) s.pos = at < lo ? lo : at > hi ? hi : at;
      s.pos0 = s.pos;
      s.done = dir === 'fwd' ? s.pos >= hi : s.pos <= lo;
      return s;
    });
  const merge = new ScanMerge<Message>(
    state.map((s) => s.meta.partition),
    dir,
  );
  for (const s of state) if (s.done) merge.finish(s.meta.partition);

  const encoder = new TextEncoder();
  const abort = new AbortController();
  signal.addEventListener('abort', () => abort.abort(), { once: true });
  let scanned = 0;
  let reserved = 0;
  let matched = 0;
  /** Set when any partition stops for good (limit, budget, abort): the others then stop too. */
  let stopping = false;
  const budget = new PayloadBudget();
  let waiting: (() => void)[] = [];
  const wake = () => {
    const w = waiting;
    waiting = [];
    for (const f of w) f();
  };
  // The scan's place in the long-work lane is taken before the stream answers 200, so a search
  // beyond the cluster's budget is a 429, not an error inside a stream that looked successful.
  const lease = await clients.lanes.long.reserve();
  const filter = RecordFilter.open(compiled);

  /** Where to continue after what was handed out: per partition, just past its last record out. */
  const cursor = (): string | null => {
    if (merge.exhausted()) return null;
    const pos = new Map<number, bigint>();
    for (const s of state) {
      const last = merge.last(s.meta.partition);
      pos.set(s.meta.partition, last === null ? s.pos0 : dir === 'fwd' ? last + 1n : last);
    }
    return encodeCursor({ dir, pos });
  };

  return new ReadableStream<Uint8Array>({
    start: async (controller) => {
      const emit = (ev: SearchEvent) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(JSON.stringify(ev) + '\n'));
      };
      const progress = () =>
        emit({
          type: 'progress',
          scanned,
          matched,
          partitions: state.map((s) => ({ partition: s.meta.partition, start: startOf(s, dir).toString(), position: s.pos.toString(), end: endOf(s, dir).toString(), done: s.done })),
          cursor: cursor(),
        });
      const handOut = () =>
        merge.drain(
          (m) => {
            matched++;
            emit({ type: 'match', message: m });
            if (matched >= q.limit) stopping = true;
          },
          () => matched < q.limit,
        );
      const timer = setInterval(progress, PROGRESS_MS);

      /** One step of a partition's scan: a chunk read, matched, queued for the merge. */
      const step = async (cluster: RawCluster, s: PartitionScan): Promise<void> => {
        const chunk = Math.min(s.chunk, q.maxScan - reserved);
        s.chunk = Math.min(CHUNK, s.chunk * 2);
        reserved += chunk;
        let items: ScanItem[];
        let count: number;
        if (dir === 'fwd') {
          const r = await scanRange(cluster, { topic, partition: s.meta.partition, leader: s.meta.leader, from: s.pos, end: s.hi, max: chunk, fetchBytes: SCAN_FETCH_BYTES, mayMatch, signal: abort.signal, carry: s.carry });
          items = r.items;
          count = r.count;
          if (r.outOfRange || r.next <= s.pos) s.done = true;
          s.pos = r.next > s.pos ? r.next : s.pos;
        } else {
          const from = s.pos - BigInt(chunk) < s.lo ? s.lo : s.pos - BigInt(chunk);
          const r = await scanSpan(cluster, topic, s.meta, from, s.pos, mayMatch, abort.signal);
          items = r.items.reverse();
          count = r.count;
          s.pos = from;
        }
        if (dir === 'fwd' ? s.pos >= s.hi : s.pos <= s.lo) s.done = true;
        reserved -= chunk - count;
        scanned += count;
        if (abort.signal.aborted) return;
        const records: ReadRecord[] = [];
        for (const it of items) if ('record' in it) records.push(it.record);
        const choice = await decodingFor(clients.config, records, q, topic);
        // With a filter, a match must pass it too: the chunk's text matches go to the filter at once.
        const passed = filter ? await filterTextMatches(filter, records, q, test, choice) : null;
        const entries: ScanEntry<Message>[] = new Array(items.length);
        let sliceStart = performance.now();
        for (let i = 0; i < items.length; i++) {
          // Matching a chunk can take a while (a costly pattern, large values): the event loop is
          // given back every few milliseconds, so the pages served beside the scan never wait long.
          if ((i & 31) === 31 && performance.now() - sliceStart > SLICE_MS) {
            await new Promise((r) => setImmediate(r));
            sliceStart = performance.now();
          }
          const it = items[i]!;
          if ('skipped' in it) {
            // A batch passed over whole: one entry at its far end in the scan's direction.
            const b = it.skipped;
            entries[i] = dir === 'fwd' ? { offset: b.last, ts: b.maxTs, match: null } : { offset: b.first, ts: b.firstTs, match: null };
            continue;
          }
          const rec = it.record;
          const decided: Decided = passed?.get(rec) ?? {};
          const hit = passed ? passed.has(rec) : matches(rec, q, test, choice, decided);
          let message = hit ? toMessage(rec, budget, choice, decided) : null;
          if (message && mask) {
            message = mask(message);
            if (!matchesShown(message, q, test)) message = null;
          }
          entries[i] = { offset: rec.offset, ts: recordTimestamp(rec), match: message };
        }
        merge.push(s.meta.partition, entries);
        if (s.done) merge.finish(s.meta.partition);
        handOut();
        wake();
      };

      const scan = async (cluster: RawCluster, s: PartitionScan): Promise<void> => {
        while (!s.done && !stopping && !abort.signal.aborted) {
          if (merge.queued(s.meta.partition) >= AHEAD_MAX || merge.queuedMatches(s.meta.partition) >= q.limit - matched) {
            // Far ahead of a slower partition, or holding every match still wanted (nothing found
            // further on could come before them): wait until the merge has taken some.
            await new Promise<void>((r) => waiting.push(r));
            continue;
          }
          if (reserved >= q.maxScan) break;
          await step(cluster, s);
        }
        // A partition that stops before its end (budget, limit, client gone) stops the others: the
        // merge could not hand out anything past it anyway.
        if (!s.done) stopping = true;
        wake();
      };

      try {
        await lease.run((cluster) => Promise.all(state.map((s) => scan(cluster, s))));
        handOut();
        progress();
        const reason = abort.signal.aborted ? 'cancelled' : matched >= q.limit ? 'limit' : merge.exhausted() ? 'end' : 'budget';
        emit({ type: 'done', reason, scanned, matched, cursor: cursor() });
      } catch (err) {
        emit({ type: 'error', title: 'Search failed', detail: (err as Error).message });
      } finally {
        for (const s of state) dropCarry(s.carry);
        lease.release();
        filter?.close();
        clearInterval(timer);
        // Closed even when stopped, so whoever still reads the body sees its end; after the reader
        // cancelled, the stream is closed already and close() throws.
        try {
          controller.close();
        } catch {
          // cancelled by the reader
        }
      }
    },
    cancel: () => abort.abort(),
  });
}
