// Long work cannot starve the pages: with the cluster's long-work lane full of slow searches over a
// large topic, the topic and group pages still answer in about their idle time (measured here, as a
// ratio), the searches are still running when they do, and one more search is refused with 429
// saying how many are running. The lane use shows in the cluster's health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as groupRoute } from '../../app/api/clusters/[cluster]/groups/[group]/route';
import { GET as healthRoute } from '../../app/api/clusters/[cluster]/health/route';
import { GET as topicRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { GET as searchRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/search/route';
import { invalidate } from '../../lib/kafka/connection/cache-keys';
import { clientsFor } from '../../lib/kafka/connection/registry';
import { ClusterLanesHealthSchema } from '../../lib/schemas/cluster';
import { TEST_CLUSTER, call, commitOffsets, createTopic, startHarness, type Harness } from './harness';

const BIG = 'lanes-big';
const SMALL = 'lanes-small';
const RECORDS = 240_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { KAFSCOPE_LONG_LANE: '2', KAFSCOPE_INTERACTIVE_LANE: '4' } });
  await createTopic(h, BIG, 2, 1);
  await createTopic(h, SMALL, 3, 1);
  const value = 'x'.repeat(120);
  for (let sent = 0; sent < RECORDS; sent += 6_000) {
    await h.producer.send({ topic: BIG, messages: Array.from({ length: 6_000 }, (_, i) => ({ partition: i % 2, value })) });
  }
  await h.producer.send({ topic: SMALL, messages: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] });
  await commitOffsets(h, 'lanes-group', SMALL, { 0: '0', 1: '0', 2: '0' });
}, 120_000);
afterAll(() => h?.close());

/** Time of one topic page and one group page, with the caches emptied so both really ask Kafka. */
async function pageTimes(): Promise<number> {
  const clients = clientsFor(TEST_CLUSTER);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    invalidate.topics(clients.cache);
    const started = performance.now();
    const [topic, group] = await Promise.all([call(topicRoute, '/api/clusters/[cluster]/topics/[topic]', { topic: SMALL }), call(groupRoute, '/api/clusters/[cluster]/groups/[group]', { group: 'lanes-group' })]);
    times.push(performance.now() - started);
    expect(topic.status).toBe(200);
    expect(group.status).toBe(200);
  }
  return times.sort((a, b) => a - b)[2]!;
}

interface RunningSearch {
  abort: AbortController;
  firstEvent: Promise<void>;
  finished: Promise<boolean>;
}

async function startSearch(): Promise<RunningSearch | { status: number; body: { detail?: string } }> {
  const abort = new AbortController();
  const res = await call(searchRoute, `/api/clusters/[cluster]/topics/[topic]/search?q=never-there&maxScan=10000000`, { topic: BIG }, { signal: abort.signal });
  if (res.status !== 200) return { status: res.status, body: res.body };
  const reader = res.response.body!.getReader();
  let seen: () => void = () => undefined;
  const firstEvent = new Promise<void>((r) => (seen = r));
  const finished = (async () => {
    let text = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
        if (text.includes('\n')) seen();
      }
    } catch {
      // aborted
    }
    return text.includes('"type":"done"');
  })();
  return { abort, firstEvent, finished };
}

describe('lanes', () => {
  it('pages answer in their normal time while the long-work lane is full, and one more search gets 429', async () => {
    const idle = await pageTimes();
    const searches = [await startSearch(), await startSearch()];
    for (const s of searches) expect('abort' in s).toBe(true);
    const running = searches as RunningSearch[];
    try {
      await Promise.all(running.map((s) => s.firstEvent));
      const health = ClusterLanesHealthSchema.parse((await call(healthRoute, '/api/clusters/[cluster]/health')).body);
      expect(health.lanes.long).toMatchObject({ running: 2, limit: 2 });

      const third = await startSearch();
      expect('status' in third && third.status).toBe(429);
      expect('body' in third && third.body.detail).toMatch(/2 of 2 long-running reads/);

      const busy = await pageTimes();
      // The searches were still scanning when the pages answered: they did not wait for them.
      const done = await Promise.race([Promise.all(running.map((s) => s.finished)), new Promise<'running'>((r) => setTimeout(() => r('running'), 0))]);
      expect(done).toBe('running');
      console.log(`lanes: pages idle ${idle.toFixed(0)} ms, with the long lane full ${busy.toFixed(0)} ms`);
      // The scans (and, in this test, the broker serving them) share this process's CPU with the pages,
      // so some slowdown is expected; waiting for a scan to end, as with one shared pool, takes seconds.
      // The idle time is floored at 20 ms so that a page served in 3 ms does not make the ratio absurd;
      // the bound leaves room for other test files sharing the machine's two cores.
      expect(busy / Math.max(idle, 20)).toBeLessThan(30);
      const after = ClusterLanesHealthSchema.parse((await call(healthRoute, '/api/clusters/[cluster]/health')).body);
      expect(after.lanes.long.rejected).toBeGreaterThanOrEqual(1);
      expect(after.lanes.interactive.running).toBe(0);
    } finally {
      for (const s of running) s.abort.abort();
      await Promise.all(running.map((s) => s.finished));
    }
  }, 60_000);
});
