// The server prefetch (lib/prefetch) against a real embedded broker: what it puts in a page's first
// HTML is exactly what the browser would have parsed from the API route (the route is the oracle),
// under the key the page's client components read; and a cluster that accepts connections and never
// answers costs the page the deadline, not the request timeout.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getGroupRoute } from '../../app/api/clusters/[cluster]/groups/[group]/route';
import { GET as listGroupsRoute } from '../../app/api/clusters/[cluster]/groups/route';
import { GET as messagesRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { GET as topicRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { GET as listTopicsRoute } from '../../app/api/clusters/[cluster]/topics/route';
import { groupListQuery, groupQuery } from '../../lib/api/queries/groups';
import { messagesQuery } from '../../lib/api/queries/messages';
import { topicListQuery, topicQuery } from '../../lib/api/queries/topics';
import { currentConsoleConfig, loadAppConfig } from '../../lib/config';
import { configureClusters } from '../../lib/kafka/connection/registry';
import { prefetchGroup, prefetchGroups, prefetchMessages, prefetchTopic, prefetchTopics } from '../../lib/prefetch/pages';
import { PREFETCH_DEADLINE_MS } from '../../lib/prefetch/within-deadline';
import { GroupListQuerySchema } from '../../lib/schemas/group';
import { TopicListQuerySchema } from '../../lib/schemas/topic';
import type { DehydratedState, QueryKey } from '@tanstack/react-query';
import { TEST_CLUSTER, call, commitOffsets, createTopic, startHarness, type Harness } from './harness';

let h: Harness;
const TOPIC = 'prefetch-topic';
const GROUP = 'prefetch-group';

beforeAll(async () => {
  h = await startHarness();
  await createTopic(h, TOPIC, 2);
  await h.producer.send({ topic: TOPIC, messages: [{ partition: 0, key: 'k', value: '{"n":1}' }, { partition: 1, value: 'plain' }] });
  await commitOffsets(h, GROUP, TOPIC, { 0: '1', 1: '0' });
  // Warm: the first request of a cluster connects; the deadline is for a cluster already in use.
  await call(listTopicsRoute, '/api/clusters/test/topics');
  await call(listGroupsRoute, '/api/clusters/test/groups');
}, 60_000);

afterAll(async () => {
  await h?.close();
});

const hashOf = (key: QueryKey) => JSON.stringify(key);
function dataOf(state: DehydratedState, key: QueryKey): unknown {
  const found = state.queries.find((q) => hashOf(q.queryKey) === hashOf(key));
  return found?.state.data;
}

describe('prefetched data is what the API route answers', () => {
  it('the topic list (a filtered, sorted page from the URL)', async () => {
    const sp = { q: 'prefetch', sort: 'messages', dir: 'desc', internal: 'true' };
    const q = TopicListQuerySchema.parse(sp);
    const state = await prefetchTopics(TEST_CLUSTER, sp);
    const route = await call(listTopicsRoute, '/api/clusters/test/topics?q=prefetch&sort=messages&dir=desc&internal=true');
    expect(route.status).toBe(200);
    expect(dataOf(state, topicListQuery(TEST_CLUSTER, q).queryKey)).toEqual(route.body);
    expect(route.body.items.map((t: { name: string }) => t.name)).toEqual([TOPIC]);
  });
  it('one topic', async () => {
    const state = await prefetchTopic(TEST_CLUSTER, TOPIC);
    const route = await call(topicRoute, '/api/clusters/test/topics/x', { topic: TOPIC });
    expect(dataOf(state, topicQuery(TEST_CLUSTER, TOPIC).queryKey)).toEqual(route.body);
  });
  it('the group list and one group', async () => {
    const lists = await prefetchGroups(TEST_CLUSTER, { q: GROUP });
    const listRoute = await call(listGroupsRoute, `/api/clusters/test/groups?q=${GROUP}`);
    expect(dataOf(lists, groupListQuery(TEST_CLUSTER, GroupListQuerySchema.parse({ q: GROUP })).queryKey)).toEqual(listRoute.body);
    expect(listRoute.body.items).toHaveLength(1);
    const one = await prefetchGroup(TEST_CLUSTER, GROUP);
    const oneRoute = await call(getGroupRoute, '/api/clusters/test/groups/x', { group: GROUP });
    // Lag moves only with new records; none are produced meanwhile.
    expect(dataOf(one, groupQuery(TEST_CLUSTER, GROUP).queryKey)).toEqual(oneRoute.body);
  });
  it('a page of messages, with the topic beside it', async () => {
    const view = { partition: 0, from: 'earliest' as const, limit: 10, order: 'asc' as const };
    const state = await prefetchMessages(TEST_CLUSTER, TOPIC, view);
    const route = await call(messagesRoute, '/api/clusters/test/topics/x/messages?partition=0&from=earliest&limit=10&order=asc', { topic: TOPIC });
    expect(dataOf(state, messagesQuery(TEST_CLUSTER, TOPIC, view).queryKey)).toEqual(route.body);
    expect(dataOf(state, topicQuery(TEST_CLUSTER, TOPIC).queryKey)).toBeDefined();
  });
  it('with reads audited, leaves the page of records to the API, where the read is recorded', async () => {
    const config = currentConsoleConfig();
    configureClusters({ ...config, audit: { ...config.audit, reads: true } });
    try {
      const view = { partition: 0, from: 'earliest' as const, limit: 10, order: 'asc' as const };
      const state = await prefetchMessages(TEST_CLUSTER, TOPIC, view);
      expect(dataOf(state, messagesQuery(TEST_CLUSTER, TOPIC, view).queryKey)).toBeUndefined();
      expect(dataOf(state, topicQuery(TEST_CLUSTER, TOPIC).queryKey)).toBeDefined();
    } finally {
      configureClusters(config);
    }
  });
  it('an unknown topic leaves nothing in the cache (the browser shows the 404)', async () => {
    const state = await prefetchTopic(TEST_CLUSTER, 'no-such-topic');
    expect(state.queries).toHaveLength(0);
  });
});

describe('a cluster that never answers', () => {
  let silent: net.Server;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    silent = net.createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    configureClusters(
      loadAppConfig({
        KAFKA_CLUSTERS_0_NAME: TEST_CLUSTER,
        KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: h.broker.bootstrap,
        KAFKA_CLUSTERS_1_NAME: 'hung',
        KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: `127.0.0.1:${port}`,
      }),
    );
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  });
  it('gives up at the deadline with an empty cache', async () => {
    const t0 = performance.now();
    const state = await prefetchTopics('hung', {});
    const ms = performance.now() - t0;
    expect(state.queries).toHaveLength(0);
    expect(ms).toBeGreaterThanOrEqual(PREFETCH_DEADLINE_MS - 5);
    expect(ms).toBeLessThan(PREFETCH_DEADLINE_MS + 200);
    expect(sockets.size).toBeGreaterThan(0);
  });
});
