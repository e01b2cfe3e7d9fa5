// Dynamic broker configs and incremental topic configs, end to end. IncrementalAlterConfigs is laid
// out by hand (wire.ts: no installed client sends it) and its effect is read back with kafkajs's
// DescribeConfigs and AlterConfigs and with the files on disk: a cluster-wide log.segment.bytes and a
// node's own value roll the segments of the partitions each governs, reported as
// DYNAMIC_DEFAULT_BROKER_CONFIG / DYNAMIC_BROKER_CONFIG; message.max.bytes set with the old
// AlterConfigs makes a larger produce fail with MESSAGE_TOO_LARGE; settings the broker cannot change
// are refused as Kafka refuses them; everything survives a restart.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigResourceTypes, type Admin, type Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DescribeConfigsResponse } from '../../lib/broker/protocol';
import { kafkaFor, RawClient, startTestBroker, tempDir, type TestBroker } from '../broker/helpers';
import { incrementalAlterConfigs, OP, RESOURCE } from './wire';

const DYNAMIC_BROKER_CONFIG = 2;
const DYNAMIC_DEFAULT_BROKER_CONFIG = 3;
const DEFAULT_CONFIG = 5;
const INVALID_CONFIG = 40;
const INVALID_REQUEST = 42;

const data = tempDir('broker-configs');
let broker: TestBroker;
let kafka: Kafka;
let admin: Admin;

const start = async () => {
  broker = await startTestBroker({ dataDir: data.dir, nodes: 2, fsync: 'never' });
  kafka = kafkaFor(broker);
  admin = kafka.admin();
  await admin.connect();
};
const port = () => broker.nodes[0]!.port;

async function describeEntry(type: ConfigResourceTypes, name: string, key: string) {
  const res = await admin.describeConfigs({ includeSynonyms: true, resources: [{ type, name, configNames: [key] }] });
  const r = res.resources[0]!;
  expect(r.errorCode).toBe(0);
  return r.configEntries.find((e) => e.configName === key);
}

const segments = (topic: string) => readdirSync(path.join(data.dir, `${topic}-0`)).filter((f) => f.endsWith('.log')).length;

async function produceBatches(topic: string, batches: number, bytes: number) {
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < batches; i++) await producer.send({ topic, messages: [{ value: `${i}`.padEnd(bytes, '.') }] });
  await producer.disconnect();
}

beforeAll(start);
afterAll(async () => {
  await admin?.disconnect();
  await broker?.close();
  data.remove();
});

describe('dynamic broker configs', () => {
  it('a cluster-wide and a per-node log.segment.bytes are reported with their sources', async () => {
    const answers = await incrementalAlterConfigs(port(), [
      { type: RESOURCE.BROKER, name: '', configs: [{ name: 'log.segment.bytes', op: OP.SET, value: '1024' }] },
      { type: RESOURCE.BROKER, name: '1', configs: [{ name: 'log.segment.bytes', op: OP.SET, value: '8192' }] },
    ]);
    expect(answers.map((a) => [a.errorCode, a.resourceName])).toEqual([[0, ''], [0, '1']]);

    // kafkajs will not name the cluster-wide resource (""): ask through the raw client. It lists only
    // the configs set there, as Kafka does.
    const clusterWide = await RawClient.callOnce<DescribeConfigsResponse>(port(), 32, 1, {
      resources: [{ resourceType: RESOURCE.BROKER, resourceName: '', configurationKeys: null }],
      includeSynonyms: false,
    });
    expect(clusterWide.results[0]!.configs.map((c) => [c.name, c.value, c.configSource])).toEqual([['log.segment.bytes', '1024', DYNAMIC_DEFAULT_BROKER_CONFIG]]);
    const node0 = await describeEntry(ConfigResourceTypes.BROKER, '0', 'log.segment.bytes');
    expect(node0).toMatchObject({ configValue: '1024', configSource: DYNAMIC_DEFAULT_BROKER_CONFIG, readOnly: false, isDefault: false });
    const node1 = await describeEntry(ConfigResourceTypes.BROKER, '1', 'log.segment.bytes');
    expect(node1).toMatchObject({ configValue: '8192', configSource: DYNAMIC_BROKER_CONFIG });
    expect(node1!.configSynonyms.map((s) => [s.configValue, s.configSource])).toEqual([
      ['8192', DYNAMIC_BROKER_CONFIG],
      ['1024', DYNAMIC_DEFAULT_BROKER_CONFIG],
      ['1073741824', DEFAULT_CONFIG],
    ]);
    // A setting the embedded broker never changes stays read-only.
    expect(await describeEntry(ConfigResourceTypes.BROKER, '0', 'num.partitions')).toMatchObject({ readOnly: true });
  });

  it('they govern the segments of the partitions on each node, and topics report them as inherited', async () => {
    await admin.createTopics({
      topics: [
        { topic: 'on-node-0', replicaAssignment: [{ partition: 0, replicas: [0] }] },
        { topic: 'on-node-1', replicaAssignment: [{ partition: 0, replicas: [1] }] },
      ],
    });
    await produceBatches('on-node-0', 12, 400);
    await produceBatches('on-node-1', 12, 400);
    expect(segments('on-node-0')).toBeGreaterThanOrEqual(4);
    expect(segments('on-node-1')).toBeLessThanOrEqual(1);
    expect(await describeEntry(ConfigResourceTypes.TOPIC, 'on-node-0', 'segment.bytes')).toMatchObject({ configValue: '1024', configSource: DYNAMIC_DEFAULT_BROKER_CONFIG, isDefault: false });
    expect(await describeEntry(ConfigResourceTypes.TOPIC, 'on-node-1', 'segment.bytes')).toMatchObject({ configValue: '8192', configSource: DYNAMIC_BROKER_CONFIG });
    // DELETE returns node 1 to the cluster-wide value, which its partitions then use.
    const [deleted] = await incrementalAlterConfigs(port(), [{ type: RESOURCE.BROKER, name: '1', configs: [{ name: 'log.segment.bytes', op: OP.DELETE, value: null }] }]);
    expect(deleted!.errorCode).toBe(0);
    await produceBatches('on-node-1', 6, 400);
    expect(segments('on-node-1')).toBeGreaterThanOrEqual(2);
    expect(await describeEntry(ConfigResourceTypes.TOPIC, 'on-node-1', 'segment.bytes')).toMatchObject({ configValue: '1024', configSource: DYNAMIC_DEFAULT_BROKER_CONFIG });
  });

  it('kafkajs alterConfigs (AlterConfigs, full replace) sets message.max.bytes, and a larger produce fails', async () => {
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '0', configEntries: [{ name: 'message.max.bytes', value: '2000' }] }] });
    expect(await describeEntry(ConfigResourceTypes.BROKER, '0', 'message.max.bytes')).toMatchObject({ configValue: '2000', configSource: DYNAMIC_BROKER_CONFIG });
    const producer = kafka.producer({ retry: { retries: 0 } });
    await producer.connect();
    const big = { value: 'x'.repeat(5000) };
    const err = await producer.send({ topic: 'on-node-0', messages: [big] }).then(
      () => null,
      (e: Error & { type?: string; cause?: { type?: string } }) => e.type ?? e.cause?.type,
    );
    expect(err).toBe('MESSAGE_TOO_LARGE');
    await producer.send({ topic: 'on-node-1', messages: [big] }); // node 1 keeps Kafka's default
    // An empty set clears node 0's dynamic configs again.
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '0', configEntries: [] }] });
    await producer.send({ topic: 'on-node-0', messages: [big] });
    await producer.disconnect();
  });

  it('settings it cannot change, bad values and list operations are refused as Kafka refuses them', async () => {
    const answer = async (name: string, key: string, op: number, value: string | null) =>
      (await incrementalAlterConfigs(port(), [{ type: RESOURCE.BROKER, name, configs: [{ name: key, op, value }] }]))[0]!;
    const readOnly = await answer('0', 'num.partitions', OP.SET, '3');
    expect(readOnly.errorCode).toBe(INVALID_REQUEST);
    expect(readOnly.errorMessage).toContain("Invalid config value for resource ConfigResource(type=BROKER, name='0'): Cannot update these configs dynamically: Set(num.partitions)");
    expect((await answer('', 'log.retention.ms', OP.SET, 'soon')).errorMessage).toMatch(/Invalid value soon for configuration log.retention.ms/);
    expect((await answer('0', 'log.retention.ms', OP.APPEND, '1')).errorCode).toBe(INVALID_CONFIG);
    expect((await answer('7', 'log.retention.ms', OP.SET, '1')).errorCode).toBe(INVALID_REQUEST);
    const kafkajsRefused = await admin
      .alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '0', configEntries: [{ name: 'auto.create.topics.enable', value: 'false' }] }] })
      .then(
        () => null,
        (e: Error & { type?: string }) => e.type,
      );
    expect(kafkajsRefused).toBe('INVALID_REQUEST');
    // validateOnly checks without changing anything.
    const [checked] = await incrementalAlterConfigs(port(), [{ type: RESOURCE.BROKER, name: '', configs: [{ name: 'log.retention.ms', op: OP.SET, value: '60000' }] }], true);
    expect(checked!.errorCode).toBe(0);
    expect(await describeEntry(ConfigResourceTypes.BROKER, '0', 'log.retention.ms')).toMatchObject({ configValue: '604800000', configSource: DEFAULT_CONFIG });
  });
});

describe('incremental topic configs', () => {
  const topicOps = (configs: { name: string; op: number; value: string | null }[]) =>
    incrementalAlterConfigs(port(), [{ type: RESOURCE.TOPIC, name: 'on-node-0', configs }]).then((a) => a[0]!);
  const value = async (key: string) => (await describeEntry(ConfigResourceTypes.TOPIC, 'on-node-0', key))!.configValue;

  it('SET, APPEND, SUBTRACT and DELETE change the overrides as Kafka does', async () => {
    expect((await topicOps([{ name: 'retention.ms', op: OP.SET, value: '3600000' }, { name: 'cleanup.policy', op: OP.APPEND, value: 'compact' }])).errorCode).toBe(0);
    expect(await value('retention.ms')).toBe('3600000');
    expect(await value('cleanup.policy')).toBe('delete,compact');
    expect((await topicOps([{ name: 'cleanup.policy', op: OP.SUBTRACT, value: 'delete' }])).errorCode).toBe(0);
    expect(await value('cleanup.policy')).toBe('compact');
    expect((await topicOps([{ name: 'cleanup.policy', op: OP.DELETE, value: null }])).errorCode).toBe(0);
    expect(await describeEntry(ConfigResourceTypes.TOPIC, 'on-node-0', 'cleanup.policy')).toMatchObject({ configValue: 'delete', configSource: DEFAULT_CONFIG });
    expect(await value('retention.ms')).toBe('3600000'); // untouched by the later requests
  });

  it('refuses unknown keys, list operations on scalars, bad values and repeated keys, changing nothing', async () => {
    expect(await topicOps([{ name: 'no.such.config', op: OP.SET, value: '1' }])).toMatchObject({ errorCode: INVALID_CONFIG, errorMessage: 'Unknown topic config name: no.such.config' });
    expect((await topicOps([{ name: 'retention.ms', op: OP.APPEND, value: '1' }])).errorMessage).toBe('Config value append is not allowed for config key: retention.ms');
    expect((await topicOps([{ name: 'retention.ms', op: OP.SET, value: '1' }, { name: 'segment.bytes', op: OP.SET, value: '1' }])).errorCode).toBe(INVALID_CONFIG);
    expect((await topicOps([{ name: 'retention.ms', op: OP.SET, value: '1' }, { name: 'retention.ms', op: OP.DELETE, value: null }])).errorCode).toBe(INVALID_REQUEST);
    expect(await value('retention.ms')).toBe('3600000');
    const [missing] = await incrementalAlterConfigs(port(), [{ type: RESOURCE.TOPIC, name: 'no-such-topic', configs: [] }]);
    expect(missing!.errorCode).toBe(3);
  });
});

describe('after a restart', () => {
  it('the dynamic broker configs are still in force', async () => {
    await admin.disconnect();
    await broker.close();
    await start();
    expect(await describeEntry(ConfigResourceTypes.BROKER, '1', 'log.segment.bytes')).toMatchObject({ configValue: '1024', configSource: DYNAMIC_DEFAULT_BROKER_CONFIG });
    const before = segments('on-node-1');
    await produceBatches('on-node-1', 6, 400);
    expect(segments('on-node-1')).toBeGreaterThan(before);
    expect(await describeEntry(ConfigResourceTypes.TOPIC, 'on-node-0', 'retention.ms')).toMatchObject({ configValue: '3600000' });
  });
});
