// Export of a topic's records as a file: NDJSON, JSON or CSV, streamed as it is read, so memory
// stays flat whatever the size (each chunk of records is written, then the next is read only once
// the client has taken what was sent). The range is the browser's (one partition or all, from the
// earliest, an offset or a timestamp, up to an offset and/or a timestamp, oldest or newest first,
// partition by partition), narrowed by the filter and a text (`q`). Keys, values and headers go
// through the one decode step: text when they are text (decoded formats as their JSON), base64
// otherwise. A cap on records and bytes (KAFSCOPE_EXPORT_MAX_*) stops it and says so at the end of
// the file. It runs in the long-work lane (429 when full).
import 'server-only';
import { stringify as csvLine } from 'csv-stringify/sync';
import { currentConsoleConfig } from '../../config';
import { decideFormat, searchableText, utf8OrNull, type DecodeChoice, type Decision } from '../../decode';
import type { ExportQuery, ExportRecord, ExportTrailer } from '../../schemas/streams';
import type { ClusterClients } from '../connection/clients';
import type { RawCluster } from '../connection/kafkajs-types';
import { fromKafkaError } from '../errors';
import { checkFilter, keepAll, RecordFilter, type Kept } from '../filtering/record-filter';
import { decodingFor } from '../formats/record-decoding';
import type { Decided } from '../reading/message-dto';
import { requirePartition, requireTopic, type PartitionMeta } from '../reading/metadata';
import { readPartition, type ReadRecord } from '../reading/reader';
import { textMatcher } from '../search/text-matcher';
import { getWatermarks, listOffsets, tpKey, watermarkOf } from '../reading/watermarks';
import { textStream } from '../streams/event-stream';

const CHUNK = 2_000;
const FETCH_BYTES = 256 * 1024;
export const CSV_COLUMNS = ['partition', 'offset', 'timestamp', 'key', 'keyEncoding', 'value', 'valueEncoding', 'headers'] as const;

export const EXPORT_CONTENT_TYPES = { ndjson: 'application/x-ndjson; charset=utf-8', json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

interface Range {
  meta: PartitionMeta;
  start: bigint;
  end: bigint;
}

function payloadOut(bytes: Uint8Array | null | undefined, d: Decision | undefined): [string | null, 'text' | 'base64' | null] {
  if (bytes === null || bytes === undefined) return [null, null];
  // Decoded formats as their JSON; anything else as its bytes' text when they are valid UTF-8.
  const text = d?.kind === 'decoded' ? searchableText(bytes, d) : d?.kind === 'binary' || d?.kind === 'failed' ? null : utf8OrNull(bytes);
  if (text !== null) return [text, 'text'];
  return [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), 'base64'];
}

export function exportRecordOf(r: ReadRecord, choice: DecodeChoice, decided: Decided): ExportRecord {
  const raw = r.raw!;
  if (raw.key) decided.key ??= decideFormat(raw.key, choice.keyFormat, choice.lookup);
  if (raw.value) decided.value ??= decideFormat(raw.value, choice.valueFormat, choice.lookup, choice.valueDescriptor);
  const [key, keyEncoding] = payloadOut(raw.key, decided.key);
  const [value, valueEncoding] = payloadOut(raw.value, decided.value);
  const headers: ExportRecord['headers'] = [];
  for (const [k, v] of Object.entries(raw.headers ?? {})) {
    for (const one of Array.isArray(v) ? v : [v]) {
      const bytes = one === null || one === undefined ? null : typeof one === 'string' ? Buffer.from(one) : one;
      const [text, encoding] = payloadOut(bytes, undefined);
      headers.push({ key: k, value: text, encoding });
    }
  }
  const ts = Number(raw.timestamp);
  return { partition: r.partition, offset: r.offset.toString(), timestamp: Number.isFinite(ts) ? ts : -1, key, keyEncoding, value, valueEncoding, headers };
}

/** What a record looks like in each format (the JSON format's separators are the caller's). */
const writers = {
  ndjson: (r: ExportRecord) => JSON.stringify(r) + '\n',
  json: (r: ExportRecord) => JSON.stringify(r),
  csv: (r: ExportRecord) => csvLine([[r.partition, r.offset, r.timestamp, r.key, r.keyEncoding, r.value, r.valueEncoding, JSON.stringify(r.headers)]]),
};

async function resolveRanges(clients: ClusterClients, topic: string, parts: PartitionMeta[], q: ExportQuery): Promise<Range[]> {
  const tps = parts.map((p) => ({ topic, partition: p.partition }));
  const [wm, fromTs, toTs] = await Promise.all([
    getWatermarks(clients, tps),
    q.from === 'timestamp' ? listOffsets(clients, tps, q.timestamp ?? 0) : Promise.resolve(null),
    q.toTimestamp !== undefined ? listOffsets(clients, tps, q.toTimestamp + 1) : Promise.resolve(null),
  ]);
  const ranges: Range[] = [];
  for (const p of parts) {
    const w = watermarkOf(wm, topic, p.partition);
    if (!w) continue;
    let start = w.low;
    if (q.from === 'offset' && q.offset !== undefined) start = BigInt(q.offset) > w.low ? BigInt(q.offset) : w.low;
    if (fromTs) {
      const o = fromTs.get(tpKey({ topic, partition: p.partition }));
      start = o === undefined || o < 0n ? w.high : o < w.low ? w.low : o;
    }
    let end = w.high;
    if (q.toOffset !== undefined && BigInt(q.toOffset) + 1n < end) end = BigInt(q.toOffset) + 1n;
    const e = toTs?.get(tpKey({ topic, partition: p.partition }));
    if (e !== undefined && e >= 0n && e < end) end = e;
    if (start < end) ranges.push({ meta: p, start, end });
  }
  return ranges;
}

/** Reads one partition's range in chunks, in the asked order, handing each chunk over. */
async function eachChunk(cluster: RawCluster, topic: string, r: Range, order: 'asc' | 'desc', stop: () => boolean, take: (records: ReadRecord[]) => Promise<void>): Promise<void> {
  const read = (from: bigint, end: bigint) =>
    readPartition(cluster, { topic, partition: r.meta.partition, leader: r.meta.leader, from, end, max: CHUNK, fetchBytes: FETCH_BYTES });
  if (order === 'asc') {
    let pos = r.start;
    while (pos < r.end && !stop()) {
      const got = await read(pos, r.end);
      if (got.records.length > 0) await take(got.records);
      if (got.next <= pos || got.outOfRange) break;
      pos = got.next;
    }
    return;
  }
  let end = r.end;
  while (end > r.start && !stop()) {
    const from = end - BigInt(CHUNK) > r.start ? end - BigInt(CHUNK) : r.start;
    const records: ReadRecord[] = [];
    let pos = from;
    while (pos < end) {
      const got = await read(pos, end);
      records.push(...got.records);
      if (got.next <= pos || got.outOfRange) break;
      pos = got.next;
    }
    if (records.length > 0) await take(records.reverse());
    end = from;
  }
}

export async function exportMessages(clients: ClusterClients, topic: string, q: ExportQuery, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const compiled = checkFilter(q.filter);
  const test = q.q ? textMatcher({ q: q.q, mode: 'contains', caseSensitive: false }) : null;
  const t = await requireTopic(clients, topic);
  const parts = (q.partition !== undefined ? [requirePartition(t, q.partition)] : t.partitions).filter((p) => p.leader >= 0);
  const ranges = await resolveRanges(clients, topic, parts, q);
  const { exportMaxRecords, exportMaxBytes } = currentConsoleConfig().streams;
  const maxRecords = Math.min(q.limit ?? exportMaxRecords, exportMaxRecords);
  const lease = await clients.lanes.long.reserve();
  const filter = RecordFilter.open(compiled);
  const write = writers[q.format];

  return textStream(
    signal,
    async (sink) => {
      let records = 0;
      let bytes = 0;
      let reason = 'end' as ExportTrailer['reason'];
      let detail = '';
      const out = (text: string) => {
        bytes += Buffer.byteLength(text);
        sink.write(text);
      };
      if (q.format === 'json') out(`{"topic":${JSON.stringify(topic)},"records":[`);
      if (q.format === 'csv') out(csvLine([[...CSV_COLUMNS]]));
      const stop = () => sink.signal.aborted || reason !== 'end';
      const textOk = (e: ExportRecord) => !test || [e.key, e.value, ...e.headers.flatMap((h) => [h.key, h.value])].some((x) => x !== null && test(x));
      try {
        await lease.run(async (cluster) => {
          for (const r of ranges) {
            if (stop()) break;
            await eachChunk(cluster, topic, r, q.order, stop, async (chunk) => {
              const readable = chunk.filter((c) => c.raw !== null);
              const choice = await decodingFor(clients.config, readable, q, topic);
              const kept: Kept[] = filter ? await filter.keep(readable, choice) : keepAll(readable);
              let text = '';
              for (const k of kept) {
                const ts = k.record.raw ? Number(k.record.raw.timestamp) : -1;
                if (q.from === 'timestamp' && ts < (q.timestamp ?? 0)) continue;
                if (q.toTimestamp !== undefined && ts > q.toTimestamp) continue;
                const e = exportRecordOf(k.record, choice, k.decided);
                if (!textOk(e)) continue;
                if (records >= maxRecords) {
                  reason = maxRecords === q.limit && q.limit < exportMaxRecords ? 'limit' : 'record-cap';
                  break;
                }
                const line = (q.format === 'json' && records > 0 ? ',\n' : q.format === 'json' ? '\n' : '') + write(e);
                if (bytes + text.length + line.length > exportMaxBytes) {
                  reason = 'byte-cap';
                  break;
                }
                text += line;
                records++;
              }
              if (text) out(text);
              await sink.drained();
            });
          }
        });
      } catch (err) {
        reason = 'error';
        detail = fromKafkaError(err)?.detail ?? (err as Error).message;
      }
      if (sink.signal.aborted) return;
      const why: Record<ExportTrailer['reason'], string> = {
        end: 'The whole range was exported.',
        limit: `Stopped at the ${maxRecords} records asked for.`,
        'record-cap': `Stopped at the server's cap of ${exportMaxRecords} records (KAFSCOPE_EXPORT_MAX_RECORDS).`,
        'byte-cap': `Stopped at the server's cap of ${exportMaxBytes} bytes (KAFSCOPE_EXPORT_MAX_BYTES).`,
        error: `Stopped by an error: ${detail}`,
      };
      const trailer: ExportTrailer = { complete: reason === 'end' || reason === 'limit', reason, records, bytes, detail: why[reason] };
      if (q.format === 'json') out(`\n],"export":${JSON.stringify(trailer)}}\n`);
      else if (!trailer.complete) out(q.format === 'csv' ? `# ${JSON.stringify({ export: trailer })}\n` : JSON.stringify({ export: trailer }) + '\n');
    },
    () => {
      filter?.close();
      lease.release();
    },
  );
}
