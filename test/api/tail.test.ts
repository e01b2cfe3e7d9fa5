// The live tail against the embedded broker over real TCP: records produced after it opened arrive
// within a second, a filter keeps only what it should, a closed connection stops the fetching
// within 2 s (the broker's own request counters), one tail more than configured is a 429 that says
// so, and a wrong filter is a 400 pointing at the position.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as tailRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/tail/route';
import type { TailEvent } from '../../lib/schemas/streams';
import { call, createTopic, startHarness, uniqueName, type Harness } from './harness';
import { readEvents } from './stream-reader';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { KAFSCOPE_MAX_TAILS: '2' } });
}, 60_000);
afterAll(() => h?.close());

const fetches = () => Object.entries(h.broker.stats().requests).reduce((n, [k, v]) => (k.startsWith('Fetch:') ? n + v : n), 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openTail(topic: string, query = '', framing: 'ndjson' | 'sse' = 'ndjson') {
  const abort = new AbortController();
  const res = await call(tailRoute, `/api/clusters/test/topics/x/tail?${query}`, { topic }, { signal: abort.signal });
  return { res, abort, events: res.status === 200 ? readEvents<TailEvent>(res.response, framing) : null };
}

describe('live tail', () => {
  it('streams records produced after it started, within a second, from every partition, and none from before', async () => {
    const topic = uniqueName('tail');
    await createTopic(h, topic, 3);
    await h.producer.send({ topic, messages: [{ key: 'old', value: 'before the tail', partition: 0 }] });
    const tail = await openTail(topic);
    expect(tail.res.status).toBe(200);
    expect(tail.res.headers.get('content-type')).toContain('application/x-ndjson');
    const start = await tail.events!.waitFor((e) => e.type === 'start');
    expect(start.type === 'start' && start.partitions.map((p) => p.partition).sort()).toEqual([0, 1, 2]);
    const seen: string[] = [];
    for (let p = 0; p < 3; p++) {
      const sent = performance.now();
      await h.producer.send({ topic, messages: [{ key: `k${p}`, value: `live ${p}`, partition: p }] });
      await tail.events!.waitFor((e) => e.type === 'messages' && e.messages.some((m) => m.value?.text === `live ${p}`), 1_000);
      seen.push(`live ${p}`);
      expect(performance.now() - sent).toBeLessThan(1_000);
    }
    const texts = tail.events!.events.flatMap((e) => (e.type === 'messages' ? e.messages.map((m) => m.value?.text) : []));
    expect(texts).toEqual(seen);
    tail.abort.abort();
  });

  it('keeps only what the filter passes, and counts what it received', async () => {
    const topic = uniqueName('tail-filter');
    await createTopic(h, topic, 1);
    const tail = await openTail(topic, `filter=${encodeURIComponent('value.amount > 100 && headers["source"] == "web"')}`);
    await tail.events!.waitFor((e) => e.type === 'start');
    await h.producer.send({
      topic,
      messages: [
        { value: '{"amount": 150}', headers: { source: 'web' } },
        { value: '{"amount": 50}', headers: { source: 'web' } },
        { value: '{"amount": 500}', headers: { source: 'app' } },
        { value: '{"amount": 101}', headers: { source: 'web' } },
      ],
    });
    await tail.events!.waitFor((e) => e.type === 'stats' && e.received === 4, 3_000);
    const kept = tail.events!.events.flatMap((e) => (e.type === 'messages' ? e.messages.map((m) => m.value?.text) : []));
    expect(kept).toEqual(['{"amount": 150}', '{"amount": 101}']);
    const stats = tail.events!.events.filter((e) => e.type === 'stats').at(-1);
    expect(stats).toMatchObject({ received: 4, matched: 2 });
    tail.abort.abort();
  });

  it('stops fetching within 2 s of the client going away, and gives its place back', async () => {
    const topic = uniqueName('tail-stop');
    await createTopic(h, topic, 2);
    const tail = await openTail(topic);
    await tail.events!.waitFor((e) => e.type === 'start');
    await sleep(1_500);
    const before = fetches();
    expect(before).toBeGreaterThan(0);
    tail.abort.abort();
    await sleep(2_000);
    const settled = fetches();
    await sleep(2_000);
    expect(fetches()).toBe(settled);
    // Two more tails fit again (the limit is 2).
    const a = await openTail(topic);
    const b = await openTail(topic);
    expect([a.res.status, b.res.status]).toEqual([200, 200]);
    a.abort.abort();
    b.abort.abort();
    await sleep(1_500);
  });

  it('refuses one tail more than configured with a 429 that says so', async () => {
    const topic = uniqueName('tail-limit');
    await createTopic(h, topic, 1);
    const a = await openTail(topic);
    const b = await openTail(topic);
    const c = await openTail(topic);
    expect([a.res.status, b.res.status]).toEqual([200, 200]);
    expect(c.res.status).toBe(429);
    expect(c.res.headers.get('content-type')).toContain('application/problem+json');
    expect(c.res.body.detail).toMatch(/2 of 2 live tails are already running/);
    a.abort.abort();
    b.abort.abort();
    await sleep(1_500);
  });

  it('sends at most maxRate messages a second, the newest, and counts the rest', async () => {
    const topic = uniqueName('tail-rate');
    await createTopic(h, topic, 1);
    const tail = await openTail(topic, 'maxRate=3');
    await tail.events!.waitFor((e) => e.type === 'start');
    await h.producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `burst ${i}` })) });
    const stats = await tail.events!.waitFor((e) => e.type === 'stats' && e.received === 10, 3_000);
    const sent = tail.events!.events.flatMap((e) => (e.type === 'messages' ? e.messages.map((m) => m.value?.text) : []));
    expect(sent).toEqual(['burst 7', 'burst 8', 'burst 9']);
    expect(stats).toMatchObject({ matched: 10, sampledOut: 7 });
    tail.abort.abort();
    await sleep(1_200);
  });

  it('a wrong filter is a 400 with its position; SSE framing is available', async () => {
    const topic = uniqueName('tail-bad');
    await createTopic(h, topic, 1);
    const bad = await openTail(topic, `filter=${encodeURIComponent('value.amount >')}`);
    expect(bad.res.status).toBe(400);
    expect(bad.res.body).toMatchObject({ field: 'filter', position: { start: 14 } });
    const sse = await openTail(topic, 'stream=sse', 'sse');
    expect(sse.res.headers.get('content-type')).toContain('text/event-stream');
    await sse.events!.waitFor((e) => e.type === 'start');
    await h.producer.send({ topic, messages: [{ value: 'over sse' }] });
    await sse.events!.waitFor((e) => e.type === 'messages' && e.messages[0]?.value?.text === 'over sse', 2_000);
    sse.abort.abort();
    await sleep(1_200);
  });
});
