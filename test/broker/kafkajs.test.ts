// kafkajs 2.2.4 against the broker: producer acks -1/1/0 and gzip, admin createTopics, and a
// group-less read through kafkajs's public Cluster (the way the app reads), with the broker's request
// counters proving that no group request was ever sent.
import { CompressionTypes, type Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupLessCluster, kafkaFor, readPartition, startTestBroker, type TestBroker } from './helpers';

let broker: TestBroker;
let kafka: Kafka;

beforeAll(async () => {
  broker = await startTestBroker({ nodes: 2 });
  kafka = kafkaFor(broker);
});
afterAll(async () => {
  await broker?.close();
});

describe('kafkajs 2.2.4', () => {
  it('admin creates a topic that metadata then describes', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 4, replicationFactor: 2 }] })).toBe(true);
      expect(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 4 }] })).toBe(false);
      const meta = await admin.fetchTopicMetadata({ topics: ['orders'] });
      const partitions = meta.topics[0]!.partitions.sort((a, b) => a.partitionId - b.partitionId);
      expect(partitions.map((p) => p.partitionId)).toEqual([0, 1, 2, 3]);
      for (const p of partitions) {
        expect(p.replicas).toHaveLength(2);
        expect(p.leader).toBe(p.replicas[0]);
      }
      expect(new Set(partitions.map((p) => p.leader)).size).toBe(2);
      expect(await admin.listTopics()).toContain('orders');
    } finally {
      await admin.disconnect();
    }
  });

  it('produces with acks -1, 1 and 0 (and gzip), then reads it all back without a group', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'events', numPartitions: 2 }] });
    await admin.disconnect();

    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const sent: string[] = [];
    const send = async (acks: number, compression: CompressionTypes, tag: string) => {
      const messages = Array.from({ length: 25 }, (_, i) => ({ key: `k${i % 5}`, value: `${tag}-${i}`, partition: i % 2 }));
      const res = await producer.send({ topic: 'events', acks, compression, messages });
      sent.push(...messages.map((m) => m.value));
      return res;
    };
    const acked = await send(-1, CompressionTypes.None, 'all');
    expect(acked.map((r) => [r.partition, r.errorCode, r.baseOffset]).sort()).toEqual([
      [0, 0, '0'],
      [1, 0, '0'],
    ]);
    const one = await send(1, CompressionTypes.None, 'one');
    expect(one.map((r) => [r.partition, r.baseOffset]).sort()).toEqual([
      [0, '13'],
      [1, '12'],
    ]);
    await send(0, CompressionTypes.None, 'none');
    await send(-1, CompressionTypes.GZIP, 'gzip');
    await producer.disconnect();

    const cluster = groupLessCluster(kafka);
    await cluster.connect();
    try {
      const read: string[] = [];
      for (const p of [0, 1]) {
        const messages = await readPartition(cluster, 'events', p);
        expect(messages.map((m) => BigInt(m.offset))).toEqual(messages.map((_, i) => BigInt(i)));
        read.push(...messages.map((m) => m.value!.toString()));
      }
      expect(read.sort()).toEqual([...sent].sort());
    } finally {
      await cluster.disconnect();
    }

    const requests = Object.keys(broker.stats().requests);
    expect(requests.some((k) => k.startsWith('Fetch:'))).toBe(true);
    expect(requests.some((k) => k.startsWith('Produce:'))).toBe(true);
    for (const api of ['FindCoordinator', 'JoinGroup', 'SyncGroup', 'Heartbeat', 'OffsetCommit', 'OffsetFetch']) {
      expect(requests.filter((k) => k.startsWith(`${api}:`))).toEqual([]);
    }
  });
});
