// Search honours the view: partition, range and order. Newest first returns the newest matches first,
// merged across partitions by timestamp, and reaches "the last few matches" of a topic without
// scanning it from the start; a stopped search continues exactly where it stopped. Expected results
// are computed here from what was produced (explicit timestamps), by the definitions in words.
import { CompressionTypes } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as searchRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/search/route';
import { SearchEventSchema, type SearchEvent } from '../../lib/schemas/message';
import { call, createTopic, startHarness, uniqueName, type Harness } from './harness';

const PARTITIONS = 3;
const PER_PARTITION = 3000;
const BASE = 1_700_000_000_000;
/** Every 97th record (by global index) holds the needle. */
const isNeedle = (i: number) => i % 97 === 5;

interface Produced {
  partition: number;
  offset: number;
  ts: number;
  needle: boolean;
}

let h: Harness;
const topic = uniqueName('search-view');
const produced: Produced[] = [];

beforeAll(async () => {
  h = await startHarness();
  await createTopic(h, topic, PARTITIONS);
  // Interleaved timestamps over the partitions, with a little skew, so a merge by partition would
  // not give the timestamp order.
  for (let p = 0; p < PARTITIONS; p++) {
    const messages = Array.from({ length: PER_PARTITION }, (_, i) => {
      const global = i * PARTITIONS + p;
      const needle = isNeedle(global);
      produced.push({ partition: p, offset: i, ts: BASE + global * 10 + p, needle });
      return { partition: p, value: `${needle ? 'a NeEdLe here' : 'hay'} #${global}`, timestamp: String(BASE + global * 10 + p) };
    });
    for (let i = 0; i < messages.length; i += 500) await h.producer.send({ topic, messages: messages.slice(i, i + 500) });
  }
});
afterAll(() => h?.close());

async function search(qs: string): Promise<{ matches: string[]; done: Extract<SearchEvent, { type: 'done' }>; progress: Extract<SearchEvent, { type: 'progress' }>[] }> {
  const r = await call(searchRoute, `/api/topics/${topic}/search?${qs}`, { topic });
  expect(r.status).toBe(200);
  const events = (await r.response.text()).trim().split('\n').map((l) => SearchEventSchema.parse(JSON.parse(l)));
  const done = events.find((e) => e.type === 'done');
  if (!done || done.type !== 'done') throw new Error(`no done event: ${JSON.stringify(events.slice(-3))}`);
  return {
    matches: events.flatMap((e) => (e.type === 'match' ? [`${e.message.partition}:${e.message.offset}`] : [])),
    done,
    progress: events.filter((e): e is Extract<SearchEvent, { type: 'progress' }> => e.type === 'progress'),
  };
}

function expected(opts: { order: 'asc' | 'desc'; partition?: number; from?: number; to?: number }): string[] {
  const fwd = opts.order === 'asc';
  return produced
    .filter((r) => r.needle && (opts.partition === undefined || r.partition === opts.partition))
    .filter((r) => opts.from === undefined || (fwd ? r.ts >= opts.from : r.ts <= opts.from))
    .filter((r) => opts.to === undefined || (fwd ? r.ts <= opts.to : r.ts >= opts.to))
    .sort((a, b) => (fwd ? a.ts - b.ts : b.ts - a.ts))
    .map((r) => `${r.partition}:${r.offset}`);
}

const TOTAL = PARTITIONS * PER_PARTITION;

describe('search in the view', () => {
  it('reads a partition of many fetches (1 KiB records, 4.5 MiB) with reads ahead, finding every match in order, across continuations', async () => {
    const t = uniqueName('search-fetches');
    await createTopic(h, t, 1);
    const N = 4500;
    const needles = [0, 1, 1023, 1024, 2047, 2500, 3333, 4498, 4499];
    const pad = 'x'.repeat(1000);
    for (let i = 0; i < N; i += 500) {
      await h.producer.send({ topic: t, messages: Array.from({ length: 500 }, (_, j) => ({ value: `${needles.includes(i + j) ? 'FETCHNEEDLE' : 'hay'} ${i + j} ${pad}` })) });
    }
    const want = needles.map((o) => `0:${o}`);
    for (const order of ['asc', 'desc'] as const) {
      const r = await call(searchRoute, `/api/topics/${t}/search?q=fetchneedle&in=value&limit=100&order=${order}`, { topic: t });
      const events = (await r.response.text()).trim().split('\n').map((l) => SearchEventSchema.parse(JSON.parse(l)));
      expect(events.flatMap((e) => (e.type === 'match' ? [`${e.message.partition}:${e.message.offset}`] : []))).toEqual(order === 'asc' ? want : [...want].reverse());
      expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'end', scanned: N, matched: needles.length });
    }
    // Stopped at its limit, then continued from its cursor until the end: every match once.
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let round = 0; round < 10; round++) {
      const r: { response: Response } = await call(searchRoute, `/api/topics/${t}/search?q=fetchneedle&in=value&limit=2&order=asc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { topic: t });
      const events: SearchEvent[] = (await r.response.text()).trim().split('\n').map((l) => SearchEventSchema.parse(JSON.parse(l)));
      seen.push(...events.flatMap((e) => (e.type === 'match' ? [`${e.message.partition}:${e.message.offset}`] : [])));
      const done = events.at(-1)!;
      if (done.type !== 'done' || done.reason === 'end' || !done.cursor) break;
      cursor = done.cursor;
    }
    expect(seen).toEqual(want);
  });

  it('a step that stops inside a batch goes on from there in the next step (batches of 300, steps of 500, 1000, 2000 records)', async () => {
    const t = uniqueName('search-carry');
    await createTopic(h, t, 1);
    const N = 6000;
    // Every batch holds a match, so every batch is opened; the steps end inside batches.
    const hit = (i: number) => i % 37 === 0 || [299, 300, 499, 500, 501, 1499, 1500, 1501, 3499, 3500, 5499, 5500, 5999].includes(i);
    for (let i = 0; i < N; i += 300) {
      await h.producer.send({ topic: t, messages: Array.from({ length: 300 }, (_, j) => ({ value: `${hit(i + j) ? 'CARRY' : 'hay'} ${i + j}` })) });
    }
    const want = Array.from({ length: N }, (_, i) => i).filter(hit).map((o) => `0:${o}`);
    const r = await call(searchRoute, `/api/topics/${t}/search?q=carry&in=value&limit=500&order=asc`, { topic: t });
    const events = (await r.response.text()).trim().split('\n').map((l) => SearchEventSchema.parse(JSON.parse(l)));
    expect(events.flatMap((e) => (e.type === 'match' ? [`${e.message.partition}:${e.message.offset}`] : []))).toEqual(want);
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'end', scanned: N, matched: want.length });
  });

  it('newest first returns the newest matches first, merged by timestamp, without scanning from the start', async () => {
    const r = await search('q=needle&limit=10');
    expect(r.matches).toEqual(expected({ order: 'desc' }).slice(0, 10));
    expect(r.done.reason).toBe('limit');
    // Ten matches one in 97 records are near the end: far less than the topic is read.
    expect(r.done.scanned).toBeLessThan(TOTAL / 2);
  });

  it('oldest first returns the oldest matches first', async () => {
    const r = await search('q=needle&limit=10&order=asc&from=earliest');
    expect(r.matches).toEqual(expected({ order: 'asc' }).slice(0, 10));
  });

  it.each([
    ['asc', undefined],
    ['desc', undefined],
    ['asc', 1],
    ['desc', 2],
  ] as const)('a time range, order %s, partition %s: exactly the matches in it', async (order, partition) => {
    const from = order === 'asc' ? BASE + 2000 * 10 : BASE + 7000 * 10 + 5;
    const to = order === 'asc' ? BASE + 7000 * 10 + 5 : BASE + 2000 * 10;
    const qs = `q=needle&limit=1000&order=${order}&from=timestamp&timestamp=${from}&to=timestamp&toTimestamp=${to}${partition === undefined ? '' : `&partition=${partition}`}`;
    const r = await search(qs);
    const want = expected({ order, partition, from, to });
    expect(want.length).toBeGreaterThan(10);
    expect(r.matches).toEqual(want);
    expect(r.done.reason).toBe('end');
    expect(r.done.cursor).toBeNull();
  });

  it('an offset range on one partition, newest first', async () => {
    const r = await search('q=needle&limit=1000&partition=0&from=offset&offset=1500&to=offset&toOffset=200');
    const want = produced.filter((x) => x.needle && x.partition === 0 && x.offset <= 1500 && x.offset >= 200).reverse().map((x) => `0:${x.offset}`);
    expect(r.matches).toEqual(want);
  });

  it('a search stopped at its limit continues where it stopped, to the end, without repeats or gaps', async () => {
    for (const order of ['desc', 'asc'] as const) {
      const all: string[] = [];
      let cursor: string | null = null;
      let rounds = 0;
      do {
        const r = await search(`q=needle&limit=7&order=${order}&from=${order === 'asc' ? 'earliest' : 'latest'}${cursor ? `&cursor=${cursor}` : ''}`);
        all.push(...r.matches);
        cursor = r.done.cursor;
        rounds++;
      } while (cursor && rounds < 100);
      expect(all).toEqual(expected({ order }));
      expect(rounds).toBeGreaterThan(5);
    }
  });

  it('a search stopped by its scan budget continues from its cursor', async () => {
    const first = await search('q=needle&limit=1000&maxScan=1500');
    expect(first.done.reason).toBe('budget');
    expect(first.done.cursor).not.toBeNull();
    const rest = await search(`q=needle&limit=1000&maxScan=100000&cursor=${first.done.cursor}`);
    expect([...first.matches, ...rest.matches]).toEqual(expected({ order: 'desc' }));
  });

  it('nothing matching: 0 matches and how many were scanned', async () => {
    const r = await search('q=not-there-at-all&limit=10');
    expect(r.matches).toEqual([]);
    expect(r.done).toMatchObject({ reason: 'end', matched: 0, scanned: TOTAL, cursor: null });
  });
});

describe('batches passed over whole', () => {
  it('finds exactly the matching records among batches without one: compressed, non-ASCII and framed-looking ones included', async () => {
    const t = uniqueName('search-batches');
    await createTopic(h, t, 1);
    const want: string[] = [];
    let offset = 0;
    const send = async (values: (string | Buffer)[], compression = CompressionTypes.None, hits: number[] = []) => {
      await h.producer.send({ topic: t, compression, messages: values.map((value) => ({ value })) });
      for (const i of hits) want.push(`0:${offset + i}`);
      offset += values.length;
    };
    const hay = (n: number) => Array.from({ length: n }, (_, i) => `plain hay ${i}`);
    for (let b = 0; b < 20; b++) await send(hay(50));
    await send([...hay(10), 'a Kelvin here', ...hay(10)], CompressionTypes.None, [10]);
    await send(hay(30));
    await send([...hay(5), 'KELVIN, gzipped', ...hay(5)], CompressionTypes.GZIP, [5]);
    // The Kelvin sign lower-cases to an ASCII k: its bytes do not hold "kelvin", its text does.
    await send([...hay(3), '\u212Aelvin scale', ...hay(3)], CompressionTypes.None, [3]);
    // A value starting like Confluent framing (no registry here, so read as the text it also is).
    await send([Buffer.concat([Buffer.from([0, 0, 0, 0, 1]), Buffer.from('kelvin')]), ...hay(4)], CompressionTypes.None, [0]);
    for (let b = 0; b < 10; b++) await send(hay(50));
    for (const order of ['asc', 'desc'] as const) {
      const r = await call(searchRoute, `/api/topics/${t}/search?q=kelvin&in=value&limit=100&order=${order}`, { topic: t });
      const events = (await r.response.text()).trim().split('\n').map((l) => SearchEventSchema.parse(JSON.parse(l)));
      const got = events.flatMap((e) => (e.type === 'match' ? [`${e.message.partition}:${e.message.offset}`] : []));
      expect(got).toEqual(order === 'asc' ? want : [...want].reverse());
      expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'end', scanned: offset, matched: want.length });
    }
  });
});
