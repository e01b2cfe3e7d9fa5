// Two embedded clusters in one console (3 nodes and 1 node, different topics) plus one that hangs:
// every route answers per cluster, a change on one never shows on the other, read-only holds on one
// cluster only, and the cluster list answers quickly while a cluster hangs or after one stopped.
import net from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listClusters } from '../../app/api/clusters/route';
import { GET as brokerRoute } from '../../app/api/clusters/[cluster]/brokers/[id]/route';
import { GET as groupRoute, DELETE as deleteGroupRoute } from '../../app/api/clusters/[cluster]/groups/[group]/route';
import { POST as previewRoute } from '../../app/api/clusters/[cluster]/groups/[group]/offsets/preview/route';
import { POST as resetRoute } from '../../app/api/clusters/[cluster]/groups/[group]/offsets/reset/route';
import { GET as groupsRoute } from '../../app/api/clusters/[cluster]/groups/route';
import { GET as healthRoute } from '../../app/api/clusters/[cluster]/health/route';
import { GET as overviewRoute } from '../../app/api/clusters/[cluster]/overview/route';
import { GET as settingsRoute } from '../../app/api/clusters/[cluster]/settings/route';
import { PUT as configsRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/configs/route';
import { GET as messagesRoute, POST as produceRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { POST as partitionsRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/partitions/route';
import { POST as purgeRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/records/delete/route';
import { GET as topicRoute, DELETE as deleteTopicRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { GET as searchRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/search/route';
import { GET as topicsRoute, POST as createTopicRoute } from '../../app/api/clusters/[cluster]/topics/route';
import { startBroker, type RunningBroker } from '../../lib/broker';
import { loadAppConfig } from '../../lib/config';
import { configureClusters, resetClusters } from '../../lib/kafka/connection/registry';
import { ClusterInfoSchema, ClusterLanesHealthSchema, ClusterListSchema } from '../../lib/schemas/cluster';
import { ClusterOverviewSchema } from '../../lib/schemas/broker';
import { GroupDetailSchema, GroupListSchema } from '../../lib/schemas/group';
import { MessagePageSchema, SearchEventSchema } from '../../lib/schemas/message';
import { TopicDetailSchema, TopicListSchema } from '../../lib/schemas/topic';
import { cachesExpired, call } from './harness';

let alpha: RunningBroker;
let beta: RunningBroker;
let silent: net.Server;
const sockets = new Set<net.Socket>();
const kafkaOf = (b: RunningBroker) => new Kafka({ clientId: 'two-clusters', brokers: b.bootstrap.split(','), logLevel: logLevel.NOTHING, retry: { retries: 3 } });

async function seed(b: RunningBroker, topic: string, partitions: number, group: string): Promise<void> {
  const kafka = kafkaOf(b);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `${topic} message ${i}` })) });
  await producer.disconnect();
  await admin.setOffsets({ groupId: group, topic, partitions: Array.from({ length: partitions }, (_, p) => ({ partition: p, offset: '0' })) });
  await admin.disconnect();
}

beforeAll(async () => {
  [alpha, beta] = await Promise.all([
    startBroker({ port: 0, nodes: 3, dataDir: null, log: () => undefined }),
    startBroker({ port: 0, nodes: 1, dataDir: null, log: () => undefined }),
  ]);
  silent = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  await Promise.all([seed(alpha, 'alpha-orders', 3, 'alpha-billing'), seed(beta, 'beta-events', 1, 'beta-audit')]);
  process.env.KAFSCOPE_QUIET_KAFKA_LOGS = '1';
  await resetClusters();
  configureClusters(
    loadAppConfig({
      KAFKA_CLUSTERS_0_NAME: 'alpha',
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: alpha.bootstrap,
      KAFKA_CLUSTERS_0_TOPIC_DELETE_ENABLED: 'true',
      KAFKA_CLUSTERS_0_RECORDS_DELETE_ENABLED: 'true',
      KAFKA_CLUSTERS_0_GROUP_DELETE_ENABLED: 'true',
      KAFKA_CLUSTERS_1_NAME: 'beta',
      KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: beta.bootstrap,
      KAFKA_CLUSTERS_1_READONLY: 'true',
      KAFKA_CLUSTERS_2_NAME: 'hung',
      KAFKA_CLUSTERS_2_BOOTSTRAPSERVERS: `127.0.0.1:${(silent.address() as net.AddressInfo).port}`,
      // The origin `call` sends mutations from (harness.ts).
      KAFSCOPE_PUBLIC_URL: 'http://console.test',
    }),
  );
}, 60_000);

afterAll(async () => {
  await resetClusters();
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
  await Promise.all([alpha?.close(), beta?.close().catch(() => undefined)]);
});

const on = (cluster: string, extra: Record<string, string> = {}) => ({ cluster, ...extra });

describe('two clusters in one console', () => {
  it('lists every cluster with its health, and does not wait long for the one that hangs', async () => {
    const started = Date.now();
    const res = await call(listClusters, '/api/clusters');
    const took = Date.now() - started;
    expect(res.status).toBe(200);
    expect(took).toBeLessThan(4_000);
    const list = ClusterListSchema.parse(res.body);
    expect(list.default).toBe('alpha');
    const byName = new Map(list.clusters.map((c) => [c.name, c]));
    expect(byName.get('alpha')?.health).toMatchObject({ status: 'ok', brokers: 3, groups: 1 });
    expect(byName.get('beta')?.health).toMatchObject({ status: 'ok', brokers: 1, groups: 1 });
    expect(byName.get('hung')?.health.status).toBe('timeout');
    expect(byName.get('beta')?.switches.readOnly).toBe(true);
    expect(byName.get('alpha')?.switches.topicDelete).toBe(true);
  }, 20_000);

  it('answers every read route per cluster', async () => {
    const overview = async (c: string) => ClusterOverviewSchema.parse((await call(overviewRoute, '/api/clusters/[cluster]/overview', on(c))).body);
    expect((await overview('alpha')).brokers).toHaveLength(3);
    expect((await overview('beta')).brokers).toHaveLength(1);
    expect(ClusterInfoSchema.parse((await call(settingsRoute, '/api/clusters/[cluster]/settings', on('beta'))).body)).toMatchObject({ name: 'beta', mode: 'external', bootstrap: beta.bootstrap });
    const names = async (c: string) => TopicListSchema.parse((await call(topicsRoute, '/api/clusters/[cluster]/topics?pageSize=500', on(c))).body).items.map((t) => t.name);
    expect(await names('alpha')).toContain('alpha-orders');
    expect(await names('alpha')).not.toContain('beta-events');
    expect(await names('beta')).toEqual(['beta-events']);
    expect(TopicDetailSchema.parse((await call(topicRoute, '/api/clusters/[cluster]/topics/[topic]', on('beta', { topic: 'beta-events' }))).body).partitions).toHaveLength(1);
    expect((await call(topicRoute, '/api/clusters/[cluster]/topics/[topic]', on('beta', { topic: 'alpha-orders' }))).status).toBe(404);
    const page = MessagePageSchema.parse((await call(messagesRoute, '/api/clusters/[cluster]/topics/[topic]/messages?from=earliest&limit=100', on('alpha', { topic: 'alpha-orders' }))).body);
    expect(page.messages).toHaveLength(10);
    const search = await call(searchRoute, '/api/clusters/[cluster]/topics/[topic]/search?q=message%207', on('beta', { topic: 'beta-events' }));
    const events = (await search.response.text()).trim().split('\n').map((l) => SearchEventSchema.parse(JSON.parse(l)));
    expect(events.filter((e) => e.type === 'match')).toHaveLength(1);
    const groups = async (c: string) => GroupListSchema.parse((await call(groupsRoute, '/api/clusters/[cluster]/groups', on(c))).body).items.map((g) => g.groupId);
    expect(await groups('alpha')).toEqual(['alpha-billing']);
    expect(await groups('beta')).toEqual(['beta-audit']);
    expect(GroupDetailSchema.parse((await call(groupRoute, '/api/clusters/[cluster]/groups/[group]', on('beta', { group: 'beta-audit' }))).body).totals.lag).toBe('10');
    expect((await call(groupRoute, '/api/clusters/[cluster]/groups/[group]', on('alpha', { group: 'beta-audit' }))).status).toBe(404);
    expect((await call(brokerRoute, '/api/clusters/[cluster]/brokers/[id]', on('alpha', { id: '2' }))).status).toBe(200);
    expect((await call(brokerRoute, '/api/clusters/[cluster]/brokers/[id]', on('beta', { id: '2' }))).status).toBe(404);
    const preview = await call(previewRoute, '/api/clusters/[cluster]/groups/[group]/offsets/preview', on('beta', { group: 'beta-audit' }), { method: 'POST', body: { mode: 'latest' } });
    expect(preview.status).toBe(200);
    const health = ClusterLanesHealthSchema.parse((await call(healthRoute, '/api/clusters/[cluster]/health', on('alpha'))).body);
    expect(health).toMatchObject({ cluster: 'alpha', health: { status: 'ok' } });
    expect(health.lanes.long.limit).toBeGreaterThan(0);
  });

  it('an unknown cluster is a 404 on every kind of route', async () => {
    for (const [handler, params] of [
      [overviewRoute, {}],
      [topicsRoute, {}],
      [groupRoute, { group: 'g' }],
    ] as const) {
      const res = await call(handler, '/', on('nope', params));
      expect(res.status).toBe(404);
      expect(res.body.detail).toContain('nope');
    }
  });

  it('a change on one cluster never touches the other', async () => {
    const created = await call(createTopicRoute, '/api/clusters/[cluster]/topics', on('alpha'), { method: 'POST', body: { name: 'made-in-alpha', partitions: 2, replicationFactor: 1 } });
    expect(created.status).toBe(201);
    const produced = await call(produceRoute, '/api/clusters/[cluster]/topics/[topic]/messages', on('alpha', { topic: 'made-in-alpha' }), { method: 'POST', body: { key: 'k', value: 'v' } });
    expect(produced.status).toBe(201);
    expect((await call(topicRoute, '/api/clusters/[cluster]/topics/[topic]', on('alpha', { topic: 'made-in-alpha' }))).status).toBe(200);
    expect((await call(topicRoute, '/api/clusters/[cluster]/topics/[topic]', on('beta', { topic: 'made-in-alpha' }))).status).toBe(404);
    const betaAdmin = kafkaOf(beta).admin();
    await betaAdmin.connect();
    expect(await betaAdmin.listTopics()).not.toContain('made-in-alpha');
    await betaAdmin.disconnect();
    const deleted = await call(deleteTopicRoute, '/api/clusters/[cluster]/topics/[topic]', on('alpha', { topic: 'made-in-alpha' }), { method: 'DELETE' });
    expect(deleted.status).toBe(204);
  });

  it('read-only holds on its cluster only', async () => {
    const body = { name: 'refused', partitions: 1, replicationFactor: 1 };
    const refusals = [
      await call(createTopicRoute, '/api/clusters/[cluster]/topics', on('beta'), { method: 'POST', body }),
      await call(produceRoute, '/api/clusters/[cluster]/topics/[topic]/messages', on('beta', { topic: 'beta-events' }), { method: 'POST', body: { value: 'x' } }),
      await call(deleteTopicRoute, '/api/clusters/[cluster]/topics/[topic]', on('beta', { topic: 'beta-events' }), { method: 'DELETE' }),
      await call(partitionsRoute, '/api/clusters/[cluster]/topics/[topic]/partitions', on('beta', { topic: 'beta-events' }), { method: 'POST', body: { count: 2 } }),
      await call(configsRoute, '/api/clusters/[cluster]/topics/[topic]/configs', on('beta', { topic: 'beta-events' }), { method: 'PUT', body: { configs: { 'retention.ms': '1000' } } }),
      await call(purgeRoute, '/api/clusters/[cluster]/topics/[topic]/records/delete', on('beta', { topic: 'beta-events' }), { method: 'POST', body: { all: true } }),
      await call(resetRoute, '/api/clusters/[cluster]/groups/[group]/offsets/reset', on('beta', { group: 'beta-audit' }), { method: 'POST', body: { mode: 'latest' } }),
      await call(deleteGroupRoute, '/api/clusters/[cluster]/groups/[group]', on('beta', { group: 'beta-audit' }), { method: 'DELETE' }),
    ];
    for (const r of refusals) {
      expect(r.status).toBe(403);
      expect(r.body.detail).toContain('"beta" is read-only');
    }
    expect(TopicDetailSchema.parse((await call(topicRoute, '/api/clusters/[cluster]/topics/[topic]', on('beta', { topic: 'beta-events' }))).body).totals.messages).toBe('10');
    const allowed = await call(resetRoute, '/api/clusters/[cluster]/groups/[group]/offsets/reset', on('alpha', { group: 'alpha-billing' }), { method: 'POST', body: { mode: 'latest' } });
    expect(allowed.status).toBe(200);
    expect(allowed.body.applied).toBe(true);
  });

  it('a stopped cluster shows as unreachable while the other stays healthy', async () => {
    await beta.close();
    await cachesExpired();
    const started = Date.now();
    const list = ClusterListSchema.parse((await call(listClusters, '/api/clusters')).body);
    expect(Date.now() - started).toBeLessThan(4_000);
    const byName = new Map(list.clusters.map((c) => [c.name, c.health]));
    expect(byName.get('alpha')).toMatchObject({ status: 'ok', brokers: 3 });
    expect(['unreachable', 'timeout']).toContain(byName.get('beta')?.status);
    expect(byName.get('beta')?.error).toBeTruthy();
    expect((await call(topicsRoute, '/api/clusters/[cluster]/topics', on('alpha'))).status).toBe(200);
    expect([503, 504]).toContain((await call(topicsRoute, '/api/clusters/[cluster]/topics', on('beta'))).status);
  }, 30_000);
});
