import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listTopics, POST as createTopicRoute } from '../../app/api/clusters/[cluster]/topics/route';
import { GET as getTopic, DELETE as deleteTopicRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { GET as getMessages, POST as produceRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { GET as search } from '../../app/api/clusters/[cluster]/topics/[topic]/search/route';
import { GET as cluster } from '../../app/api/clusters/[cluster]/overview/route';
import { GET as listGroupsRoute } from '../../app/api/clusters/[cluster]/groups/route';
import { GET as getGroupRoute } from '../../app/api/clusters/[cluster]/groups/[group]/route';
import { ClusterOverviewSchema } from '../../lib/schemas/broker';
import { GroupListSchema } from '../../lib/schemas/group';
import { GET as settings } from '../../app/api/clusters/[cluster]/settings/route';
import { GET as openapi } from '../../app/api/openapi.json/route';
import { SearchEventSchema } from '../../lib/schemas/message';
import { TopicDetailSchema, TopicListSchema } from '../../lib/schemas/topic';
import { loadAppConfig } from '../../lib/config';
import { configureClusters, consoleConfig } from '../../lib/kafka/connection/registry';
import { cachesExpired, call, commitOffsets, coordinatorOf, createTopic, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ nodes: 3 });
  await createTopic(h, 'spread', 6, 1);
  for (let i = 0; i < 60; i++) await h.producer.send({ topic: 'spread', messages: [{ partition: i % 6, key: `k${i}`, value: i === 42 ? 'needle here' : `hay ${i}` }] });
});
afterAll(() => h?.close());

const groupRequests = (s: Record<string, number>) =>
  Object.entries(s).filter(([k]) => /^(FindCoordinator|JoinGroup|SyncGroup|OffsetCommit|OffsetFetch|Heartbeat):/.test(k));

describe('browsing and searching create no group', () => {
  it('sends no group request and leaves listGroups unchanged', async () => {
    const admin = h.kafka.admin();
    await admin.connect();
    const before = (await admin.listGroups()).groups;
    const statsBefore = groupRequests(h.broker.stats().requests);
    expect((await call(getMessages, '/api/topics/spread/messages?from=earliest&limit=100', { topic: 'spread' })).status).toBe(200);
    const r = await call(search, '/api/topics/spread/search?q=NEEDLE', { topic: 'spread' });
    const lines = (await r.response.text()).trim().split('\n').map((l) => SearchEventSchema.parse(JSON.parse(l)));
    expect(r.headers.get('content-type')).toContain('application/x-ndjson');
    const matches = lines.filter((e) => e.type === 'match');
    expect(matches.map((m) => m.type === 'match' && m.message.value?.text)).toEqual(['needle here']);
    expect(lines.at(-1)).toMatchObject({ type: 'done', reason: 'end', scanned: 60, matched: 1 });
    const progress = lines.flatMap((e) => (e.type === 'progress' ? e.partitions : []));
    expect(progress.length).toBeGreaterThan(0);
    // Newest first (the default), the position goes down from the start to the end.
    for (const p of progress) expect(BigInt(p.end) <= BigInt(p.position) && BigInt(p.position) <= BigInt(p.start)).toBe(true);
    expect(groupRequests(h.broker.stats().requests)).toEqual(statsBefore);
    expect((await admin.listGroups()).groups).toEqual(before);
    await admin.disconnect();
  });
  it('search stops at the scan budget', async () => {
    const r = await call(search, '/api/topics/spread/search?q=zzz&maxScan=12', { topic: 'spread' });
    const last = JSON.parse((await r.response.text()).trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ type: 'done', reason: 'budget' });
    expect(last.scanned).toBeLessThanOrEqual(12);
  });
  it('an invalid regular expression is a 400', async () => {
    expect((await call(search, '/api/topics/spread/search?q=(&mode=regex', { topic: 'spread' })).status).toBe(400);
  });
});

describe('topics on a 3-node cluster', () => {
  it('lists with message counts and reads leaders on every node', async () => {
    const list = TopicListSchema.parse((await call(listTopics, '/api/topics?q=spread')).body);
    expect(list.items[0]).toMatchObject({ name: 'spread', partitions: 6, messages: '60' });
    const detail = TopicDetailSchema.parse((await call(getTopic, '/api/topics/spread', { topic: 'spread' })).body);
    expect(new Set(detail.partitions.map((p) => p.leader)).size).toBe(3);
    const all = await call(getMessages, '/api/topics/spread/messages?from=earliest&limit=1000', { topic: 'spread' });
    expect(all.body.messages.length).toBe(60);
  });
  it('with one node stopped, reports leaderless partitions and keeps answering; all back after its restart', async () => {
    const groups = Array.from({ length: 6 }, (_, i) => `outage-${i}`);
    for (const g of groups) await commitOffsets(h, g, 'spread', { 0: '1', 1: '1', 2: '1', 3: '1', 4: '1', 5: '1' });
    const coordinators = new Map(await Promise.all(groups.map(async (g) => [g, await coordinatorOf(h, g)] as const)));
    const reachable = groups.filter((g) => coordinators.get(g) !== 2);
    expect(reachable.length).toBeGreaterThan(0);
    const groupIds = async () => GroupListSchema.parse((await call(listGroupsRoute, '/api/groups?q=outage-')).body).items.map((g) => g.groupId);
    await h.broker.stopNode(2);
    try {
      await cachesExpired();
      const res = await call(getTopic, '/api/topics/spread', { topic: 'spread' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const detail = TopicDetailSchema.parse(res.body);
      const leaderless = detail.partitions.filter((p) => p.leader === -1);
      expect(leaderless.length).toBe(2); // 6 partitions, 1 replica each, spread over 3 nodes
      expect(detail.totals.offline).toBe(2);
      for (const p of leaderless) expect(p).toMatchObject({ replicas: [2], offline: [2], isr: [], underReplicated: true, preferredLeader: false });
      expect(detail.groups.map((g) => g.groupId)).toEqual(expect.arrayContaining(reachable));
      const c = ClusterOverviewSchema.parse((await call(cluster, '/api/cluster')).body);
      expect(c.brokers.map((b) => b.id)).toEqual([0, 1]);
      expect(c.totals.offline).toBeGreaterThanOrEqual(2);
      const page = await call(getMessages, '/api/topics/spread/messages?from=earliest&limit=1000', { topic: 'spread' });
      expect(page.status).toBe(200);
      expect(page.body.messages.length).toBe(60 - 10 * leaderless.length);
      expect(await groupIds()).toEqual(expect.arrayContaining(reachable));
      expect((await call(getGroupRoute, `/api/groups/${reachable[0]}`, { group: reachable[0]! })).status).toBe(200);
      expect((await call(listTopics, '/api/topics?q=spread')).body.items[0]).toMatchObject({ name: 'spread', offline: 2, messages: '40' });
      const live = detail.partitions.find((p) => p.leader >= 0)!.partition;
      const produced = await call(produceRoute, '/api/topics/spread/messages', { topic: 'spread' }, { method: 'POST', body: { value: 'during outage', partition: live } });
      expect(produced.status, JSON.stringify(produced.body)).toBe(201);
      const toOffline = await call(produceRoute, '/api/topics/spread/messages', { topic: 'spread' }, { method: 'POST', body: { value: 'lost', partition: leaderless[0]!.partition } });
      expect(toOffline.status).toBe(503);
      const created = await call(createTopicRoute, '/api/topics', {}, { method: 'POST', body: { name: 'made-in-outage', partitions: 2, replicationFactor: 1 } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    } finally {
      await h.broker.startNode(2);
    }
    await cachesExpired();
    const detail = TopicDetailSchema.parse((await call(getTopic, '/api/topics/spread', { topic: 'spread' })).body);
    expect(detail.totals.offline).toBe(0);
    expect(new Set(detail.partitions.map((p) => p.leader)).size).toBe(3);
    expect(ClusterOverviewSchema.parse((await call(cluster, '/api/cluster')).body).totals.offline).toBe(0);
    expect((await call(getMessages, '/api/topics/spread/messages?from=earliest&limit=1000', { topic: 'spread' })).body.messages.length).toBe(61);
    expect(await groupIds()).toEqual(groups);
  });
  it('create: 201, 409 when it exists, 400 for an invalid name; delete: 204 then 404', async () => {
    const post = (body: unknown) => call(createTopicRoute, '/api/topics', {}, { method: 'POST', body });
    expect((await post({ name: 'made-here', partitions: 2, replicationFactor: 1 })).status).toBe(201);
    const dup = await post({ name: 'made-here', partitions: 2, replicationFactor: 1 });
    expect(dup.status).toBe(409);
    expect((await post({ name: 'bad name', partitions: 1, replicationFactor: 1 })).body).toMatchObject({ status: 400, field: 'name' });
    expect((await call(deleteTopicRoute, '/api/topics/made-here', { topic: 'made-here' }, { method: 'DELETE' })).status).toBe(204);
    expect((await call(getTopic, '/api/topics/made-here', { topic: 'made-here' })).status).toBe(404);
  });
  it('a filter finds a topic created a moment ago, though the metadata cache is still warm', async () => {
    expect((await call(listTopics, '/api/topics')).status).toBe(200);
    await createTopic(h, 'just-made', 1);
    const list = TopicListSchema.parse((await call(listTopics, '/api/topics?q=just-made')).body);
    expect(list.items.map((t) => t.name)).toEqual(['just-made']);
  });

  it('a cross-origin create is refused', async () => {
    const r = await call(createTopicRoute, '/api/topics', {}, { method: 'POST', body: { name: 'evil', partitions: 1, replicationFactor: 1 }, headers: { origin: 'http://evil.example' } });
    expect(r.status).toBe(403);
    expect((await call(getTopic, '/api/topics/evil', { topic: 'evil' })).status).toBe(404);
  });
});

describe('settings, switches and OpenAPI', () => {
  it("settings: the cluster's name, bootstrap and switches", async () => {
    const s = await call(settings, '/api/clusters/test/settings');
    expect(s.body).toMatchObject({ name: 'test', mode: 'external', bootstrap: h.broker.bootstrap, switches: { readOnly: false, topicDelete: true } });
  });
  it('each switch off -> 403', async () => {
    const on = consoleConfig();
    configureClusters(loadAppConfig({ KAFKA_CLUSTERS_0_NAME: 'test', KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: h.broker.bootstrap, KAFSCOPE_PUBLIC_URL: 'http://console.test', TOPIC_DELETE_ENABLED: 'false' }));
    try {
      const r = await call(deleteTopicRoute, '/api/clusters/test/topics/spread', { topic: 'spread' }, { method: 'DELETE' });
      expect(r.status).toBe(403);
      expect(r.body.detail).toContain('TOPIC_DELETE_ENABLED');
    } finally {
      configureClusters(on);
    }
  });
  it('OpenAPI document lists every endpoint', async () => {
    const d = (await call(openapi, '/api/openapi.json')).body;
    expect(d.openapi).toBe('3.1.0');
    expect(Object.keys(d.paths)).toContain('/api/clusters/{cluster}/topics/{topic}/messages');
    expect(Object.keys(d.paths)).toContain('/api/clusters');
    expect(Object.keys(d.paths)).toContain('/api/clusters/{cluster}/health');
    expect(Object.keys(d.paths)).toContain('/api/clusters/{cluster}/groups/{group}/lag-history');
    const outside = ['/api/health', '/api/clusters', '/metrics', '/api/me', '/api/audit', '/api/auth/login', '/api/auth/logout', '/api/auth/oidc/start', '/api/auth/oidc/callback'];
    expect(Object.keys(d.paths).filter((p) => !outside.includes(p) && !p.startsWith('/api/clusters/{cluster}/'))).toEqual([]);
    for (const p of outside) expect(Object.keys(d.paths)).toContain(p);
    expect(d.components.schemas.LagHistory).toBeDefined();
    expect(d.components.schemas.MessagePage).toBeDefined();
  });
});
