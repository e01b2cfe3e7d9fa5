// Ids survive compaction: once the cleaner has removed a hard-deleted schema's record and its
// tombstone from the topic, nothing in it names that id any more, yet a restarted registry still
// hands out the next id after it (the ID_WATERMARK record written before the hard delete).
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBroker, type RunningBroker } from '../../lib/broker';
import type { RunningSchemaRegistry } from '../../lib/schema-registry';
import { call, startTestRegistry } from './harness';

const TOPIC = 'schemas-compacted';
let broker: RunningBroker;
let registry: RunningSchemaRegistry | undefined;
let kafka: Kafka;

beforeAll(async () => {
  broker = await startBroker({ port: 0, nodes: 1, dataDir: null, log: () => undefined, retentionCheckMs: 100 });
  kafka = new Kafka({ clientId: 'compaction-test', brokers: broker.bootstrap.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  // The registry accepts an existing compacted single-partition topic; this one compacts at once.
  await admin.createTopics({
    topics: [
      {
        topic: TOPIC,
        numPartitions: 1,
        configEntries: [
          { name: 'cleanup.policy', value: 'compact' },
          { name: 'segment.bytes', value: '100' },
          { name: 'delete.retention.ms', value: '0' },
        ],
      },
    ],
  });
  await admin.disconnect();
});

afterAll(async () => {
  await registry?.close();
  await broker?.close();
});

/** Every record value now in the topic, read from the beginning. */
async function topicValues(): Promise<(string | null)[]> {
  const admin = kafka.admin();
  await admin.connect();
  const high = Number((await admin.fetchTopicOffsets(TOPIC))[0]!.high);
  await admin.disconnect();
  const seen: { offset: number; value: string | null }[] = [];
  const consumer = kafka.consumer({ groupId: `compaction-reader-${Date.now()}-${Math.random()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void seen.push({ offset: Number(message.offset), value: message.value?.toString() ?? null }) });
  const deadline = Date.now() + 10_000;
  while (!seen.some((m) => m.offset >= high - 1) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await consumer.disconnect();
  return seen.map((m) => m.value);
}

describe('ids after compaction', () => {
  it('a hard-deleted id is not reused once compaction has erased it', async () => {
    registry = await startTestRegistry(broker, { topic: TOPIC });
    const keep = await call(registry.url, 'POST', '/subjects/keep/versions', { schema: '"string"' });
    const doomed = await call(registry.url, 'POST', '/subjects/doomed/versions', { schema: '"long"' });
    expect(doomed.body.id).toBe(keep.body.id + 1);
    await call(registry.url, 'DELETE', '/subjects/doomed');
    await call(registry.url, 'DELETE', '/subjects/doomed?permanent=true');
    // Something after the tombstones, so their segment is closed and can be cleaned.
    await call(registry.url, 'PUT', '/config', { compatibility: 'FULL' });
    await registry.close();
    registry = undefined;

    const mentions = (values: (string | null)[]) => values.filter((v) => v !== null && v.includes(`"id":${doomed.body.id}`) && !v.startsWith('{"id"'));
    const deadline = Date.now() + 20_000;
    let values = await topicValues();
    while (mentions(values).length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      values = await topicValues();
    }
    expect(mentions(values)).toEqual([]); // the doomed schema's records are gone...
    expect(values).toContain(JSON.stringify({ id: doomed.body.id })); // ...but not the watermark

    registry = await startTestRegistry(broker, { topic: TOPIC });
    const next = await call(registry.url, 'POST', '/subjects/next/versions', { schema: '"bytes"' });
    expect(next.body.id).toBe(doomed.body.id + 1);
    expect((await call(registry.url, 'GET', `/schemas/ids/${doomed.body.id}`)).body.error_code).toBe(40403);
    expect((await call(registry.url, 'GET', '/config')).body).toEqual({ compatibilityLevel: 'FULL' });
  });
});
