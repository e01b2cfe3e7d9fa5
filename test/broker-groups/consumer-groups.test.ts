// Consumer groups driven by kafkajs 2.2.4 over real TCP: two members split a 6-partition topic and the
// survivor takes everything when the other leaves; committed offsets are written to
// `__consumer_offsets` and survive a broker restart on the same data directory.
import type { Consumer } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBroker, tempDir, type TestBroker } from '../broker/helpers';
import { FAST_GROUPS, kafkaFor, produceNumbered, waitFor } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function broker(options: Parameters<typeof startTestBroker>[0] = {}): Promise<TestBroker> {
  const b = await startTestBroker({ settings: FAST_GROUPS, ...options });
  cleanups.push(() => b.close());
  return b;
}

/** A member's current assignment, from its GROUP_JOIN events. */
function track(consumer: Consumer, topic: string): { partitions: number[] } {
  const state = { partitions: [] as number[] };
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    state.partitions = [...(e.payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b);
  });
  return state;
}

describe('consumer groups with kafkajs', () => {
  it('two members split six partitions; when one leaves the other takes all', async () => {
    const b = await broker({ nodes: 2 });
    const kafka = kafkaFor(b);
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    await admin.createTopics({ topics: [{ topic: 'split', numPartitions: 6 }] });

    const members = [0, 1].map(() => kafka.consumer({ groupId: 'splitters', heartbeatInterval: 300, sessionTimeout: 10_000, maxWaitTimeInMs: 100 }));
    const states = members.map((c) => track(c, 'split'));
    for (const c of members) {
      cleanups.push(() => c.disconnect());
      await c.connect();
      await c.subscribe({ topic: 'split', fromBeginning: true });
      await c.run({ eachMessage: async () => {} });
    }
    await waitFor('both members to hold three partitions', () => states.every((s) => s.partitions.length === 3));
    expect([...states[0]!.partitions, ...states[1]!.partitions].sort()).toEqual([0, 1, 2, 3, 4, 5]);

    const described = await admin.describeGroups(['splitters']);
    expect(described.groups[0]).toMatchObject({ groupId: 'splitters', state: 'Stable', protocolType: 'consumer' });
    expect(described.groups[0]!.members).toHaveLength(2);

    await members[1]!.disconnect();
    await waitFor('the remaining member to hold all six', () => states[0]!.partitions.length === 6);
    expect(states[0]!.partitions).toEqual([0, 1, 2, 3, 4, 5]);
    const after = await admin.describeGroups(['splitters']);
    expect(after.groups[0]!.members).toHaveLength(1);

    // The offsets topic exists as Kafka's would: internal, 5 partitions here (a broker setting).
    const meta = await admin.fetchTopicMetadata({ topics: ['__consumer_offsets'] });
    expect(meta.topics[0]!.partitions).toHaveLength(5);
  });

  it('committed offsets survive a broker restart', async () => {
    const dir = tempDir('groups-restart');
    cleanups.push(dir.remove);
    const first = await startTestBroker({ dataDir: dir.dir, settings: FAST_GROUPS });
    let kafka = kafkaFor(first);
    const producer = kafka.producer();
    await producer.connect();
    const admin0 = kafka.admin();
    await admin0.connect();
    await admin0.createTopics({ topics: [{ topic: 'durable', numPartitions: 2 }] });
    await admin0.disconnect();
    await produceNumbered(producer, 'durable', 10, 2);
    await producer.disconnect();

    const seen: string[] = [];
    const consumer = kafka.consumer({ groupId: 'keeper', heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'durable', fromBeginning: true });
    await consumer.run({ autoCommitThreshold: 1, eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
    await waitFor('all ten messages', () => seen.length === 10);
    await consumer.disconnect();
    await first.close();

    const second = await broker({ dataDir: dir.dir });
    kafka = kafkaFor(second);
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    const offsets = await admin.fetchOffsets({ groupId: 'keeper', topics: ['durable'] });
    expect(offsets[0]!.partitions.sort((a, b) => a.partition - b.partition)).toEqual([
      { partition: 0, offset: '5', metadata: null },
      { partition: 1, offset: '5', metadata: null },
    ]);

    // A member of the same group after the restart starts where the group left off.
    const more = kafka.producer();
    await more.connect();
    await more.send({ topic: 'durable', messages: [{ value: 'after-restart', partition: 0 }] });
    await more.disconnect();
    const later: string[] = [];
    const again = kafka.consumer({ groupId: 'keeper', heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    cleanups.push(() => again.disconnect());
    await again.connect();
    await again.subscribe({ topic: 'durable', fromBeginning: true });
    await again.run({ eachMessage: async ({ message }) => void later.push(message.value!.toString()) });
    await waitFor('the message produced after the restart', () => later.length >= 1);
    expect(later).toEqual(['after-restart']);
  });
});
