// kafkajs 2.2.4's admin client against the broker: group administration (list, describe, fetch,
// reset and set offsets, delete), topic administration with every CreateTopics error, partitions,
// configs, and DeleteRecords — each checked through what the broker then serves.
import { ConfigResourceTypes, type Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../broker/helpers';
import { FAST_GROUPS, kafkaFor, produceNumbered, waitFor } from './helpers';

let broker: TestBroker;
let kafka: ReturnType<typeof kafkaFor>;
let admin: ReturnType<ReturnType<typeof kafkaFor>['admin']>;

beforeAll(async () => {
  broker = await startTestBroker({ nodes: 2, settings: FAST_GROUPS });
  kafka = kafkaFor(broker);
  admin = kafka.admin();
  await admin.connect();
});
afterAll(async () => {
  await admin?.disconnect();
  await broker?.close();
});

async function kafkaError(p: Promise<unknown>): Promise<{ type?: string; message: string; errors?: unknown[] }> {
  try {
    await p;
  } catch (err) {
    return err as { type?: string; message: string };
  }
  throw new Error('expected the call to fail');
}

describe('kafkajs admin: groups', () => {
  it('lists, describes, resets, sets and deletes a group', async () => {
    await admin.createTopics({ topics: [{ topic: 'ledger', numPartitions: 3 }] });
    const producer = kafka.producer();
    await producer.connect();
    await produceNumbered(producer, 'ledger', 30, 3);
    await producer.disconnect();

    const seen: string[] = [];
    const consumer: Consumer = kafka.consumer({ groupId: 'auditors', heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'ledger', fromBeginning: true });
    await consumer.run({ autoCommitThreshold: 1, eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
    await waitFor('thirty messages', () => seen.length === 30);
    await waitFor('commits at the end of every partition', async () => {
      const o = await admin.fetchOffsets({ groupId: 'auditors', topics: ['ledger'] });
      return o[0]!.partitions.every((p) => p.offset === '10');
    });

    const listed = await admin.listGroups();
    expect(listed.groups).toContainEqual({ groupId: 'auditors', protocolType: 'consumer' });
    expect(listed.groups.filter((g) => g.groupId === 'auditors')).toHaveLength(1);

    const described = await admin.describeGroups(['auditors', 'nobody-here']);
    const auditors = described.groups.find((g) => g.groupId === 'auditors')!;
    expect(auditors.state).toBe('Stable');
    expect(auditors.members[0]).toMatchObject({ clientId: 'kafscope-test', clientHost: '/127.0.0.1' });
    expect(auditors.members[0]!.memberAssignment.length).toBeGreaterThan(0);
    expect(described.groups.find((g) => g.groupId === 'nobody-here')).toMatchObject({ state: 'Dead', errorCode: 0, members: [] });

    // While a member is active, offsets cannot be reset and the group cannot be deleted.
    const refused = await kafkaError(admin.resetOffsets({ groupId: 'auditors', topic: 'ledger', earliest: true }));
    expect(refused.message).toMatch(/must have no running instances, current state: Stable/);
    const notEmpty = await kafkaError(admin.deleteGroups(['auditors']));
    expect(JSON.stringify(notEmpty)).toContain('NON_EMPTY_GROUP');

    await consumer.disconnect();
    await waitFor('the group to be empty', async () => (await admin.describeGroups(['auditors'])).groups[0]!.state === 'Empty');

    await admin.resetOffsets({ groupId: 'auditors', topic: 'ledger', earliest: true });
    const reset = await admin.fetchOffsets({ groupId: 'auditors', topics: ['ledger'] });
    expect(reset[0]!.partitions.map((p) => p.offset)).toEqual(['-2', '-2', '-2']);

    await admin.setOffsets({ groupId: 'auditors', topic: 'ledger', partitions: [{ partition: 1, offset: '7' }] });
    const set = await admin.fetchOffsets({ groupId: 'auditors', topics: ['ledger'] });
    expect(set[0]!.partitions.find((p) => p.partition === 1)!.offset).toBe('7');

    expect(await admin.deleteGroups(['auditors'])).toEqual([{ groupId: 'auditors', errorCode: 0 }]);
    expect((await admin.describeGroups(['auditors'])).groups[0]!.state).toBe('Dead');
    expect((await admin.listGroups()).groups.map((g) => g.groupId)).not.toContain('auditors');
    const gone = await kafkaError(admin.deleteGroups(['auditors']));
    expect(JSON.stringify(gone)).toContain('GROUP_ID_NOT_FOUND');
  });
});

describe('kafkajs admin: topics', () => {
  it('createTopics answers every validation error', async () => {
    const cases: [Parameters<typeof admin.createTopics>[0]['topics'][number], string][] = [
      [{ topic: 'bad name!' }, 'INVALID_TOPIC_EXCEPTION'],
      [{ topic: '..' }, 'INVALID_TOPIC_EXCEPTION'],
      [{ topic: 'x'.repeat(250) }, 'INVALID_TOPIC_EXCEPTION'],
      [{ topic: 'zero-partitions', numPartitions: 0 }, 'INVALID_PARTITIONS'],
      [{ topic: 'too-many-replicas', replicationFactor: 3 }, 'INVALID_REPLICATION_FACTOR'],
      [{ topic: 'bad-config', configEntries: [{ name: 'cleanup.policy', value: 'shred' }] }, 'INVALID_CONFIG'],
      [{ topic: 'unknown-config', configEntries: [{ name: 'no.such.key', value: '1' }] }, 'INVALID_CONFIG'],
    ];
    for (const [topic, expected] of cases) {
      const err = await kafkaError(admin.createTopics({ topics: [topic] }));
      expect(JSON.stringify(err), topic.topic).toContain(expected);
    }
    await admin.createTopics({ topics: [{ topic: 'once', numPartitions: 1 }] });
    // kafkajs reports TOPIC_ALREADY_EXISTS as `false` rather than an error.
    expect(await admin.createTopics({ topics: [{ topic: 'once' }], validateOnly: true, waitForLeaders: false })).toBe(false);

    await admin.createTopics({ topics: [{ topic: 'only-validated', numPartitions: 2 }], validateOnly: true, waitForLeaders: false });
    const names = await admin.listTopics();
    expect(names).toContain('once');
    expect(names).not.toContain('only-validated');
    for (const [topic] of cases) expect(names).not.toContain(topic.topic);
  });

  it('deleteTopics removes the topic and its committed offsets', async () => {
    await admin.createTopics({ topics: [{ topic: 'doomed', numPartitions: 1 }] });
    await admin.setOffsets({ groupId: 'mourners', topic: 'doomed', partitions: [{ partition: 0, offset: '0' }] });
    await admin.deleteTopics({ topics: ['doomed'] });
    expect(await admin.listTopics()).not.toContain('doomed');
    const err = await kafkaError(admin.deleteTopics({ topics: ['doomed'] }));
    expect(err.message).toBe('This server does not host this topic-partition'); // UNKNOWN_TOPIC_OR_PARTITION
    expect((await admin.describeGroups(['mourners'])).groups[0]!.state).toBe('Dead');
  });

  it('createPartitions only increases, spreading new partitions across nodes', async () => {
    await admin.createTopics({ topics: [{ topic: 'growing', numPartitions: 1 }] });
    await admin.createPartitions({ topicPartitions: [{ topic: 'growing', count: 4 }] });
    const meta = await admin.fetchTopicMetadata({ topics: ['growing'] });
    const leaders = meta.topics[0]!.partitions.map((p) => p.leader);
    expect(leaders).toHaveLength(4);
    expect(new Set(leaders)).toEqual(new Set([0, 1]));
    const shrink = await kafkaError(admin.createPartitions({ topicPartitions: [{ topic: 'growing', count: 2 }] }));
    expect(JSON.stringify(shrink)).toContain('INVALID_PARTITIONS');
    const missing = await kafkaError(admin.createPartitions({ topicPartitions: [{ topic: 'nowhere', count: 2 }] }));
    expect(JSON.stringify(missing)).toContain('UNKNOWN_TOPIC_OR_PARTITION');

    // The new partitions take writes.
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({ topic: 'growing', messages: [{ value: 'x', partition: 3 }] });
    await producer.disconnect();
    expect(sent).toMatchObject({ partition: 3, errorCode: 0, baseOffset: '0' });
  });

  it('describeConfigs and alterConfigs with full-replace semantics', async () => {
    await admin.createTopics({ topics: [{ topic: 'tuned', configEntries: [{ name: 'retention.ms', value: '3600000' }] }] });
    const describe = async () => {
      const r = await admin.describeConfigs({ includeSynonyms: true, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'tuned' }] });
      return new Map(r.resources[0]!.configEntries.map((e) => [e.configName, e]));
    };
    let configs = await describe();
    expect(configs.get('retention.ms')).toMatchObject({ configValue: '3600000', isDefault: false, configSource: 1, readOnly: false, isSensitive: false });
    expect(configs.get('retention.ms')!.configSynonyms.map((s) => s.configName)).toEqual(['retention.ms', 'log.retention.ms']);
    expect(configs.get('cleanup.policy')).toMatchObject({ configValue: 'delete', isDefault: true, configSource: 5 });
    for (const key of ['retention.bytes', 'segment.bytes', 'max.message.bytes', 'min.insync.replicas', 'compression.type', 'message.timestamp.type', 'delete.retention.ms']) {
      expect(configs.has(key), key).toBe(true);
    }

    // Full replace: retention.ms is not given, so it returns to its default.
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'tuned', configEntries: [{ name: 'max.message.bytes', value: '2000' }] }] });
    configs = await describe();
    expect(configs.get('max.message.bytes')).toMatchObject({ configValue: '2000', isDefault: false });
    expect(configs.get('retention.ms')).toMatchObject({ configValue: '604800000', isDefault: true });

    // It takes effect: a batch over 2000 bytes is refused.
    const producer = kafka.producer({ retry: { retries: 0 } });
    await producer.connect();
    const tooBig = await kafkaError(producer.send({ topic: 'tuned', messages: [{ value: 'x'.repeat(3000) }] }));
    await producer.disconnect();
    expect(JSON.stringify(tooBig)).toMatch(/MESSAGE_TOO_LARGE|too large/i);

    const invalid = await kafkaError(
      admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'tuned', configEntries: [{ name: 'retention.ms', value: 'soon' }] }] }),
    );
    expect(JSON.stringify(invalid)).toContain('INVALID_CONFIG');
    await admin.alterConfigs({
      validateOnly: true,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: 'tuned', configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
    });
    expect((await describe()).get('cleanup.policy')!.configValue).toBe('delete');

    const brokers = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '1' }] });
    const brokerConfigs = new Map(brokers.resources[0]!.configEntries.map((e) => [e.configName, e.configValue]));
    expect(brokerConfigs.get('broker.id')).toBe('1');
    expect(brokerConfigs.get('offsets.topic.num.partitions')).toBe('5');
  });

  it('deleteTopicRecords advances the log start; reading below it is out of range', async () => {
    await admin.createTopics({ topics: [{ topic: 'trimmed', numPartitions: 1 }] });
    const producer = kafka.producer();
    await producer.connect();
    for (let i = 0; i < 5; i++) await producer.send({ topic: 'trimmed', messages: [{ value: `v${i}` }] });
    await producer.disconnect();
    await admin.fetchTopicMetadata({ topics: ['trimmed'] }); // kafkajs looks the leaders up in its cache
    await admin.deleteTopicRecords({ topic: 'trimmed', partitions: [{ partition: 0, offset: '3' }] });
    const offsets = await admin.fetchTopicOffsets('trimmed');
    expect(offsets[0]).toMatchObject({ partition: 0, low: '3', high: '5' });

    const seen: string[] = [];
    const consumer = kafka.consumer({ groupId: 'trim-readers', maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'trimmed', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
    await waitFor('the records that remain', () => seen.length >= 2);
    await consumer.disconnect();
    expect(seen).toEqual(['v3', 'v4']);
  });
});
