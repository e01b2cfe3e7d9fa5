// Export against the embedded broker: 100,000 records to NDJSON, CSV and JSON, each parsed back
// (csv-parse for CSV) and compared with what was produced, partition by partition and offset by
// offset, keys, values (text or base64) and headers included; the range, order, filter and text
// parameters narrow it; the byte cap stops it and says so at the end of the file.
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/export/route';
import { ExportRecordSchema, ExportTrailerSchema, type ExportRecord } from '../../lib/schemas/streams';
import { call, createTopic, startHarness, uniqueName, type Harness } from './harness';

const N = 100_000;
const PARTITIONS = 4;
const BYTE_CAP = 24 * 1024 * 1024;
let h: Harness;
const topic = uniqueName('export');

/** What was produced: the oracle. Offsets are per partition from 0 in sending order. */
interface Sent {
  partition: number;
  offset: number;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}
const sent: Sent[] = [];
const valueOf = (i: number): Buffer | null =>
  i % 997 === 0 ? null : i % 499 === 0 ? Buffer.from([0xff, 0x00, i & 0xff, 0xfe]) : Buffer.from(i % 10 === 0 ? `{"n": ${i}, "note": "a, \\"quoted\\"\\nline"}` : `{"n": ${i}}`);

beforeAll(async () => {
  h = await startHarness({ env: { KAFSCOPE_EXPORT_MAX_BYTES: String(BYTE_CAP) } });
  await createTopic(h, topic, PARTITIONS);
  const next = new Array(PARTITIONS).fill(0);
  for (let from = 0; from < N; from += 5_000) {
    const batch = [];
    for (let i = from; i < from + 5_000; i++) {
      const partition = i % PARTITIONS;
      const s: Sent = { partition, offset: next[partition]++, key: i % 7 === 0 ? null : `key-${i}`, value: valueOf(i), headers: i % 3 === 0 ? { source: i % 2 ? 'web' : 'app' } : {} };
      sent.push(s);
      batch.push({ partition, key: s.key, value: s.value, headers: s.headers });
    }
    await h.producer.send({ topic, messages: batch });
  }
}, 180_000);
afterAll(() => h?.close());

async function download(query: string, t = topic): Promise<{ status: number; text: string; headers: Headers; body: unknown }> {
  const res = await call(exportRoute, `/api/clusters/test/topics/x/export?${query}`, { topic: t });
  if (res.status !== 200 || res.body !== null) return { status: res.status, text: JSON.stringify(res.body), headers: res.headers, body: res.body };
  return { status: 200, text: await res.response.text(), headers: res.headers, body: null };
}

function expectSameAsSent(records: ExportRecord[], expected: Sent[]) {
  expect(records.length).toBe(expected.length);
  const byPlace = new Map(records.map((r) => [`${r.partition}:${r.offset}`, r]));
  for (const s of expected) {
    const r = byPlace.get(`${s.partition}:${s.offset}`);
    expect(r, `${s.partition}:${s.offset}`).toBeDefined();
    expect(r!.key).toBe(s.key);
    if (s.value === null) expect(r!.value).toBeNull();
    else expect(Buffer.from(r!.value!, r!.valueEncoding === 'base64' ? 'base64' : 'utf8').equals(s.value)).toBe(true);
    expect(Object.fromEntries(r!.headers.map((x) => [x.key, x.value]))).toEqual(s.headers);
  }
}

describe('export', () => {
  it('100,000 records to NDJSON round-trip exactly', async () => {
    const started = performance.now();
    const res = await download('format=ndjson');
    const seconds = (performance.now() - started) / 1000;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`${topic}.ndjson`);
    const lines = res.text.trimEnd().split('\n');
    const records = lines.map((l) => ExportRecordSchema.parse(JSON.parse(l)));
    expectSameAsSent(records, sent);
    // Partition by partition, offsets ascending.
    expect(records.slice(0, 3).map((r) => [r.partition, r.offset])).toEqual([[0, '0'], [0, '1'], [0, '2']]);
    console.log(`export NDJSON: ${N} records, ${(res.text.length / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
  }, 120_000);

  it('100,000 records to CSV round-trip exactly (csv-parse)', async () => {
    const res = await download('format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(res.text, { columns: true, comment: '#' }) as Record<string, string>[];
    const records: ExportRecord[] = rows.map((r) => ({
      partition: Number(r.partition),
      offset: r.offset!,
      timestamp: Number(r.timestamp),
      key: r.keyEncoding ? r.key! : null,
      keyEncoding: (r.keyEncoding || null) as ExportRecord['keyEncoding'],
      value: r.valueEncoding ? r.value! : null,
      valueEncoding: (r.valueEncoding || null) as ExportRecord['valueEncoding'],
      headers: JSON.parse(r.headers!),
    }));
    expectSameAsSent(records, sent);
  }, 120_000);

  it('JSON with a range, newest first, a filter and a text; the end says it is complete', async () => {
    const res = await download(`format=json&partition=1&from=offset&offset=100&toOffset=2000&order=desc&filter=${encodeURIComponent('has(value.n) && value.n % 2 == 1')}&q=${encodeURIComponent('"n": 1')}`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text) as { records: ExportRecord[]; export: unknown };
    const expected = sent.filter((s) => s.partition === 1 && s.offset >= 100 && s.offset <= 2000 && s.value && /"n": (\d+)/.test(s.value.toString()) && Number(/"n": (\d+)/.exec(s.value.toString())![1]) % 2 === 1 && s.value.toString().includes('"n": 1'));
    expect(expected.length).toBeGreaterThan(10);
    expect(doc.records.map((r) => Number(r.offset))).toEqual(expected.map((s) => s.offset).reverse());
    expect(ExportTrailerSchema.parse(doc.export)).toMatchObject({ complete: true, reason: 'end', records: expected.length });
  });

  it('stops at the byte cap and says so on the last line; a wrong filter is a 400', async () => {
    const big = uniqueName('export-big');
    await createTopic(h, big, 1);
    const value = 'v'.repeat(100 * 1024);
    for (let i = 0; i < 300; i += 5) await h.producer.send({ topic: big, messages: Array.from({ length: 5 }, () => ({ value })) });
    const res = await download('format=ndjson', big);
    const lines = res.text.trimEnd().split('\n');
    const trailer = ExportTrailerSchema.parse((JSON.parse(lines.at(-1)!) as { export: unknown }).export);
    expect(trailer).toMatchObject({ complete: false, reason: 'byte-cap', records: lines.length - 1 });
    expect(trailer.detail).toMatch(/KAFSCOPE_EXPORT_MAX_BYTES/);
    expect(res.text.length).toBeLessThanOrEqual(BYTE_CAP + 1_000);
    const bad = await download(`filter=${encodeURIComponent('value.n >> 1')}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'filter' });
  }, 60_000);
});
