// Dynamic broker configs through the API, against the embedded broker (2 nodes): a broker's own value
// and a cluster-wide default are set and deleted with IncrementalAlterConfigs, and kafkajs'
// describeConfigs (an independent client) reads them back with Kafka's sources; the embedded broker's
// refusal of a config it cannot change at run time comes back as 400 with Kafka's own message. The
// AlterConfigs fallback for brokers without IncrementalAlterConfigs is run against the same broker:
// it changes the named key and keeps the other dynamic ones. Bad input is 400/404, and the switch
// (TOPIC_CREATE_ENABLED) refuses with 403.
import { ConfigResourceTypes } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, PUT } from '../../app/api/clusters/[cluster]/brokers/[id]/configs/route';
import { captureCluster } from '../../lib/kafka/connection/captured-cluster';
import { alterWithFullSet, plannedAlterConfigs } from '../../lib/kafka/services/broker-configs';
import { ConfigEntryListSchema } from '../../lib/schemas/config';
import { call, startHarness, type Harness } from './harness';

const DYNAMIC_BROKER_CONFIG = 2;
const DYNAMIC_DEFAULT_BROKER_CONFIG = 3;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ nodes: 2 });
});
afterAll(() => h?.close());

async function kafkaSees(name: string, key: string) {
  const admin = h.kafka.admin();
  await admin.connect();
  try {
    const res = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.BROKER, name, configNames: [key] }] });
    return res.resources[0]!.configEntries.find((e) => e.configName === key);
  } finally {
    await admin.disconnect();
  }
}

const put = (id: string, configs: Record<string, string | null>) => call(PUT, `/api/clusters/test/brokers/${id}/configs`, { id }, { method: 'PUT', body: { configs } });
const entries = (body: unknown) => new Map(ConfigEntryListSchema.parse(body).map((e) => [e.name, e]));

describe('PUT /api/clusters/:c/brokers/:id/configs', () => {
  it("sets one broker's own value, seen by kafkajs as DYNAMIC_BROKER_CONFIG; null deletes it", async () => {
    const set = await put('1', { 'log.retention.ms': '3600000' });
    expect(set.status).toBe(200);
    expect(entries(set.body).get('log.retention.ms')).toMatchObject({ value: '3600000', source: 'DYNAMIC_BROKER_CONFIG' });
    expect(await kafkaSees('1', 'log.retention.ms')).toMatchObject({ configValue: '3600000', configSource: DYNAMIC_BROKER_CONFIG });
    // The other broker is untouched.
    expect((await kafkaSees('0', 'log.retention.ms'))?.configValue).not.toBe('3600000');

    const unset = await put('1', { 'log.retention.ms': null });
    expect(unset.status).toBe(200);
    expect(entries(unset.body).get('log.retention.ms')?.source).not.toBe('DYNAMIC_BROKER_CONFIG');
    expect((await kafkaSees('1', 'log.retention.ms'))?.configValue).not.toBe('3600000');
  });

  it('sets a cluster-wide default: listed under "default", inherited by every broker', async () => {
    const set = await put('default', { 'log.segment.bytes': '2097152' });
    expect(set.status).toBe(200);
    expect(entries(set.body).get('log.segment.bytes')).toMatchObject({ value: '2097152', source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' });
    const listed = await call(GET, '/api/clusters/test/brokers/default/configs', { id: 'default' });
    expect(entries(listed.body).get('log.segment.bytes')?.value).toBe('2097152');
    expect(await kafkaSees('0', 'log.segment.bytes')).toMatchObject({ configValue: '2097152', configSource: DYNAMIC_DEFAULT_BROKER_CONFIG });

    expect((await put('default', { 'log.segment.bytes': null })).status).toBe(200);
    expect(entries((await call(GET, '/api/clusters/test/brokers/default/configs', { id: 'default' })).body).has('log.segment.bytes')).toBe(false);
  });

  it("refuses a config the broker cannot change at run time with 400 and Kafka's message", async () => {
    const res = await put('0', { 'num.io.threads': '16' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.kafkaError).toBe('INVALID_REQUEST');
    expect(res.body.detail).toMatch(/Cannot update these configs dynamically: .*num\.io\.threads/);
    const bad = await put('0', { 'log.retention.ms': 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toBeTruthy();
  });

  it('bad input: 400 for no configs or a broken body, 404 for an unknown broker', async () => {
    expect((await put('0', {})).status).toBe(400);
    const junk = await call(PUT, '/api/clusters/test/brokers/0/configs', { id: '0' }, { method: 'PUT', body: '{"configs":' });
    expect(junk.status).toBe(400);
    expect((await put('99', { 'log.retention.ms': '1' })).status).toBe(404);
    expect((await put('abc', { 'log.retention.ms': '1' })).status).toBe(404);
    expect((await call(GET, '/api/clusters/test/brokers/99/configs', { id: '99' })).status).toBe(404);
  });
});

describe('the AlterConfigs fallback (brokers without IncrementalAlterConfigs)', () => {
  it('plans the whole dynamic set: keeps what is not named, applies sets and deletes', () => {
    const current = [
      { name: 'a', value: '1', dynamic: true },
      { name: 'b', value: '2', dynamic: true },
      { name: 'static', value: 'x', dynamic: false },
    ];
    expect(plannedAlterConfigs(current, { b: null, c: '3', a: '9' })).toEqual([
      { name: 'a', value: '9' },
      { name: 'c', value: '3' },
    ]);
  });

  it('against the broker: changes the named key and keeps the other dynamic ones', async () => {
    expect((await put('0', { 'log.retention.ms': '7200000', 'message.max.bytes': '2000000' })).status).toBe(200);
    const cluster = captureCluster(h.kafka);
    await cluster.connect();
    try {
      await cluster.refreshMetadata();
      const broker = await cluster.findBroker({ nodeId: '0' });
      const answer = await alterWithFullSet(broker, 0, { 'log.retention.ms': '1800000' });
      expect(answer.resources[0]?.errorCode).toBe(0);
    } finally {
      await cluster.disconnect();
    }
    expect(await kafkaSees('0', 'log.retention.ms')).toMatchObject({ configValue: '1800000', configSource: DYNAMIC_BROKER_CONFIG });
    expect(await kafkaSees('0', 'message.max.bytes')).toMatchObject({ configValue: '2000000', configSource: DYNAMIC_BROKER_CONFIG });
    expect((await put('0', { 'log.retention.ms': null, 'message.max.bytes': null })).status).toBe(200);
  });
});

describe('the switch', () => {
  let off: Harness;
  beforeAll(async () => {
    await h.close();
    off = await startHarness({ env: { TOPIC_CREATE_ENABLED: 'false' } });
  });
  afterAll(() => off?.close());

  it('TOPIC_CREATE_ENABLED=false refuses with 403 naming it; reading still works', async () => {
    const res = await put('0', { 'log.retention.ms': '1' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('TOPIC_CREATE_ENABLED');
    expect((await call(GET, '/api/clusters/test/brokers/0/configs', { id: '0' })).status).toBe(200);
  });
});
