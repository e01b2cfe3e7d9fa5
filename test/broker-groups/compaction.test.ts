// cleanup.policy=compact end to end: a topic created with kafkajs, keyed writes rolled into small
// segments, the broker's periodic cleaner compacting the closed ones; a consumer then sees only the
// last value per key at its original offset, and tombstones are gone once delete.retention.ms passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../broker/helpers';
import { FAST_GROUPS, kafkaFor, waitFor } from './helpers';

let broker: TestBroker;

beforeAll(async () => {
  broker = await startTestBroker({ settings: FAST_GROUPS, retentionCheckMs: 100 });
});
afterAll(async () => {
  await broker?.close();
});

describe('log compaction', () => {
  it('keeps the last record per key and drops tombstones', async () => {
    const kafka = kafkaFor(broker);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        {
          topic: 'latest-by-key',
          numPartitions: 1,
          configEntries: [
            { name: 'cleanup.policy', value: 'compact' },
            { name: 'segment.bytes', value: '100' },
            { name: 'delete.retention.ms', value: '0' },
          ],
        },
      ],
    });
    const producer = kafka.producer();
    await producer.connect();
    const writes: [string, string | null][] = [
      ['a', 'a1'],
      ['b', 'b1'],
      ['a', 'a2'],
      ['c', 'c1'],
      ['b', 'b2'],
      ['c', null],
      ['a', 'a3'],
      ['tail', 'end'],
    ];
    for (const [key, value] of writes) await producer.send({ topic: 'latest-by-key', messages: [{ key, value }] });
    await producer.disconnect();

    const read = async () => {
      const seen: { offset: string; key: string; value: string | null }[] = [];
      const consumer = kafka.consumer({ groupId: `compaction-reader-${Date.now()}`, maxWaitTimeInMs: 100 });
      await consumer.connect();
      await consumer.subscribe({ topic: 'latest-by-key', fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) =>
          void seen.push({ offset: message.offset, key: message.key!.toString(), value: message.value?.toString() ?? null }),
      });
      await waitFor('the tail record', () => seen.some((m) => m.key === 'tail'));
      await consumer.disconnect();
      return seen;
    };

    await waitFor('compaction of the closed segments', async () => (await admin.fetchTopicOffsets('latest-by-key'))[0]!.high === '8' && (await read()).length < 8);
    const after = await read();
    expect(after).toEqual([
      { offset: '4', key: 'b', value: 'b2' },
      { offset: '6', key: 'a', value: 'a3' },
      { offset: '7', key: 'tail', value: 'end' },
    ]);
    await admin.disconnect();
  });
});
