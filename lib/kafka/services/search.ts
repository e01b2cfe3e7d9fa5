// Message search as an NDJSON stream, on the cluster's long-work lane: every partition in range is
// scanned in parallel (group-less reads), within one shared scan budget, emitting matches as they are
// found and progress (scanned, matched, position per partition) a few times a second. It stops at the
// result limit, the budget, the end of the range, or when the client goes away. Keys and values are
// matched as decoded (the one decode step, in the formats asked for), so searching an Avro topic finds
// a field's value; each chunk's schema ids are resolved at once before its records are decoded.
import 'server-only';
import { decideFormat, searchableText, type DecodeChoice } from '../../decode';
import type { Message, SearchEvent, SearchQuery } from '../../schemas/message';
import type { Masker } from '../../decode/masking';
import type { ClusterClients } from '../connection/clients';
import { textMatcher } from '../search/text-matcher';
import { checkFilter, RecordFilter } from '../filtering/record-filter';
import { decodingFor } from '../formats/record-decoding';
import { PayloadBudget, toMessage, type Decided } from '../reading/message-dto';
import { requirePartition, requireTopic } from '../reading/metadata';
import { readPartition, type ReadRecord } from '../reading/reader';
import { getWatermarks, listOffsets, tpKey, watermarkOf } from '../reading/watermarks';

const CHUNK = 500;
/** Bytes per fetch of a scan: small answers keep each decode short, so a page waiting behind a scan
 * on the event loop waits a few milliseconds, not tens. */
const SCAN_FETCH_BYTES = 64 * 1024;
const PROGRESS_MS = 250;

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

/** Validates the query and resolves the ranges (errors become HTTP problems), then streams. */
/** `mask`: masked fields are masked before matching too, so a search cannot find a record by a value
 * the asker may not see. */
export async function searchMessages(clients: ClusterClients, topic: string, q: SearchQuery, signal: AbortSignal, mask: Masker | null = null): Promise<ReadableStream<Uint8Array>> {
  const test = textMatcher(q);
  const compiled = checkFilter(q.filter);
  const t = await requireTopic(clients, topic);
  const parts = (q.partition !== undefined ? [requirePartition(t, q.partition)] : t.partitions).filter((p) => p.leader >= 0);
  const tps = parts.map((p) => ({ topic, partition: p.partition }));
  const [wm, fromOffsets, toOffsets] = await Promise.all([
    getWatermarks(clients, tps),
    q.from !== undefined ? listOffsets(clients, tps, q.from) : Promise.resolve(null),
    q.to !== undefined ? listOffsets(clients, tps, q.to + 1) : Promise.resolve(null),
  ]);
  const state = parts
    .filter((p) => watermarkOf(wm, topic, p.partition))
    .map((p) => {
      const w = watermarkOf(wm, topic, p.partition)!;
      const f = fromOffsets?.get(tpKey({ topic, partition: p.partition }));
      const e = toOffsets?.get(tpKey({ topic, partition: p.partition }));
      const start = f === undefined ? w.low : f < 0n ? w.high : f < w.low ? w.low : f;
      const end = e === undefined || e < 0n ? w.high : e;
      return { meta: p, start, pos: start, end, done: start >= end };
    });

  const encoder = new TextEncoder();
  const abort = new AbortController();
  signal.addEventListener('abort', () => abort.abort(), { once: true });
  let scanned = 0;
  let reserved = 0;
  let matched = 0;
  const budget = new PayloadBudget();
  // The scan's place in the long-work lane is taken before the stream answers 200, so a search
  // beyond the cluster's budget is a 429, not an error inside a stream that looked successful.
  const lease = await clients.lanes.long.reserve();
  const filter = RecordFilter.open(compiled);

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
          partitions: state.map((s) => ({ partition: s.meta.partition, start: s.start.toString(), position: s.pos.toString(), end: s.end.toString(), done: s.done })),
        });
      const timer = setInterval(progress, PROGRESS_MS);
      try {
        await lease.run((cluster) =>
          Promise.all(
            state.map(async (s) => {
              while (!s.done && !abort.signal.aborted && matched < q.limit && reserved < q.maxScan) {
                const chunk = Math.min(CHUNK, q.maxScan - reserved);
                reserved += chunk;
                const r = await readPartition(cluster, { topic, partition: s.meta.partition, leader: s.meta.leader, from: s.pos, end: s.end, max: chunk, fetchBytes: SCAN_FETCH_BYTES, signal: abort.signal });
                reserved -= chunk - r.records.length;
                scanned += r.records.length;
                const choice = await decodingFor(clients.config, r.records, q, topic);
                // With a filter, a match must pass it too: the chunk's text matches go to the filter at once.
                const passed = filter ? await filterTextMatches(filter, r.records, q, test, choice) : null;
                for (const rec of r.records) {
                  if (matched >= q.limit || abort.signal.aborted) break;
                  const ts = rec.raw ? Number(rec.raw.timestamp) : -1;
                  if (q.to !== undefined && ts > q.to) continue;
                  if (q.from !== undefined && ts < q.from) continue;
                  const decided: Decided = passed?.get(rec) ?? {};
                  if (passed ? passed.has(rec) : matches(rec, q, test, choice, decided)) {
                    const message = mask ? mask(toMessage(rec, budget, choice, decided)) : toMessage(rec, budget, choice, decided);
                    if (mask && !matchesShown(message, q, test)) continue;
                    matched++;
                    emit({ type: 'match', message });
                  }
                }
                if (r.next <= s.pos || r.next >= s.end || r.outOfRange) s.done = r.next >= s.end || r.outOfRange || r.records.length === 0;
                s.pos = r.next;
                if (s.pos >= s.end) s.done = true;
              }
            }),
          ),
        );
        progress();
        const reason = abort.signal.aborted ? 'cancelled' : matched >= q.limit ? 'limit' : state.every((s) => s.done) ? 'end' : 'budget';
        emit({ type: 'done', reason, scanned, matched });
      } catch (err) {
        emit({ type: 'error', title: 'Search failed', detail: (err as Error).message });
      } finally {
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
