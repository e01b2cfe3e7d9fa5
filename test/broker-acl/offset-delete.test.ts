// OffsetDelete end to end: a group's committed offsets for one topic are deleted with a hand-laid
// OffsetDelete request (wire.ts: no installed client sends it) and kafkajs's fetchOffsets sees them
// gone — while the other topic's stay, after a restart too (the tombstones are in
// __consumer_offsets). A live group keeps the offsets of topics it subscribes to
// (GROUP_SUBSCRIBED_TO_TOPIC) and loses the others; unknown groups and partitions are errors.
import type { Admin, Consumer, Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupLessCluster, startTestBroker, tempDir, type TestBroker } from '../broker/helpers';
import { FAST_GROUPS, kafkaFor, waitFor } from '../broker-groups/helpers';
import { offsetDelete } from './wire';

const GROUP_ID_NOT_FOUND = 69;
const GROUP_SUBSCRIBED_TO_TOPIC = 86;
const UNKNOWN_TOPIC_OR_PARTITION = 3;

const data = tempDir('offset-delete');
let broker: TestBroker;
let kafka: Kafka;
let admin: Admin;

const start = async () => {
  broker = await startTestBroker({ dataDir: data.dir, settings: FAST_GROUPS });
  kafka = kafkaFor(broker);
  admin = kafka.admin();
  await admin.connect();
};
const port = () => broker.nodes[0]!.port;

async function committed(groupId: string, topic: string): Promise<string[]> {
  const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return t!.partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset);
}

beforeAll(async () => {
  await start();
  await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 2 }, { topic: 'audit', numPartitions: 1 }] });
  // Records below the committed offsets, so a consumer resumes from them instead of resetting.
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'orders', messages: Array.from({ length: 20 }, (_, i) => ({ partition: i % 2, value: `o${i}` })) });
  await producer.disconnect();
  // kafkajs's admin.setOffsets runs a whole consumer per call; its Broker commits directly, as an admin
  // tool would (generation -1, no member id).
  const cluster = groupLessCluster(kafka);
  await cluster.connect();
  for (const groupId of ['idle', 'live']) {
    const coordinator = await cluster.findGroupCoordinator({ groupId });
    await coordinator.offsetCommit({
      groupId,
      groupGenerationId: -1,
      memberId: '',
      topics: [
        { topic: 'orders', partitions: [{ partition: 0, offset: '5' }, { partition: 1, offset: '7' }] },
        { topic: 'audit', partitions: [{ partition: 0, offset: '3' }] },
      ],
    });
  }
  await cluster.disconnect();
});
afterAll(async () => {
  await admin?.disconnect();
  await broker?.close();
  data.remove();
});

describe('OffsetDelete', () => {
  it("deletes an Empty group's offsets of one topic and keeps the others", async () => {
    const answer = await offsetDelete(port(), 'idle', [{ name: 'orders', partitions: [0, 1] }]);
    expect(answer).toEqual({ errorCode: 0, topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, errorCode: 0 }, { partitionIndex: 1, errorCode: 0 }] }] });
    expect(await committed('idle', 'orders')).toEqual(['-1', '-1']);
    expect(await committed('idle', 'audit')).toEqual(['3']);
  });

  it('answers GROUP_ID_NOT_FOUND for an unknown group and UNKNOWN_TOPIC_OR_PARTITION for a missing partition', async () => {
    expect(await offsetDelete(port(), 'nobody', [{ name: 'orders', partitions: [0] }])).toEqual({ errorCode: GROUP_ID_NOT_FOUND, topics: [] });
    const answer = await offsetDelete(port(), 'idle', [{ name: 'orders', partitions: [9] }, { name: 'ghost', partitions: [0] }]);
    expect(answer.errorCode).toBe(0);
    expect(answer.topics.flatMap((t) => t.partitions.map((p) => p.errorCode))).toEqual([UNKNOWN_TOPIC_OR_PARTITION, UNKNOWN_TOPIC_OR_PARTITION]);
  });

  it('a live group keeps the offsets of topics it subscribes to and loses the others', async () => {
    let consumer: Consumer | null = kafka.consumer({ groupId: 'live', maxWaitTimeInMs: 100 });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => void (joined = true));
    await consumer.connect();
    await consumer.subscribe({ topics: ['orders'] });
    await consumer.run({ autoCommit: false, eachMessage: async () => {} });
    try {
      await waitFor('the consumer to join', () => joined);
      const answer = await offsetDelete(port(), 'live', [{ name: 'orders', partitions: [0] }, { name: 'audit', partitions: [0] }]);
      expect(answer).toEqual({
        errorCode: 0,
        topics: [
          { name: 'orders', partitions: [{ partitionIndex: 0, errorCode: GROUP_SUBSCRIBED_TO_TOPIC }] },
          { name: 'audit', partitions: [{ partitionIndex: 0, errorCode: 0 }] },
        ],
      });
      expect(await committed('live', 'audit')).toEqual(['-1']);
      expect(await committed('live', 'orders')).toEqual(['5', '7']);
    } finally {
      await consumer.disconnect();
      consumer = null;
    }
  });

  it('the deletions are durable: after a restart the offsets are still gone', async () => {
    await admin.disconnect();
    await broker.close();
    await start();
    expect(await committed('idle', 'orders')).toEqual(['-1', '-1']);
    expect(await committed('idle', 'audit')).toEqual(['3']);
    expect(await committed('live', 'audit')).toEqual(['-1']);
    expect(await committed('live', 'orders')).toEqual(['5', '7']);
  });
});
