// segment.ms and retention.ms through the whole broker with kafkajs: a small partition's old records
// go once their segment has rolled by age and aged past retention — the log start offset moves
// (ListOffsets earliest) and a consumer reads only what came after. Also: restarting on a data dir
// whose last segment ends in garbage logs one line saying what recovery cut off.
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kafkaFor, startTestBroker, tempDir, type TestBroker } from './helpers';

const brokers: TestBroker[] = [];
const data = tempDir('segment-retention');
afterAll(async () => {
  for (const b of brokers) await b.close();
  data.remove();
});

async function broker(options: Parameters<typeof startTestBroker>[0]): Promise<TestBroker> {
  const b = await startTestBroker(options);
  brokers.push(b);
  return b;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const AGING = [
  { name: 'segment.ms', value: '200' },
  { name: 'retention.ms', value: '500' },
];

describe('segment.ms with retention.ms', () => {
  it("the broker's retention timer rolls and deletes a small partition's old data", async () => {
    const b = await broker({ retentionCheckMs: 100 });
    const kafka = kafkaFor(b);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'timed', numPartitions: 1, configEntries: AGING }] });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'timed', messages: ['a', 'b', 'c'].map((value) => ({ value })) });
    await producer.disconnect();
    let low = '0';
    for (let i = 0; i < 60 && low !== '3'; i++) {
      await sleep(100);
      low = (await admin.fetchTopicOffsets('timed'))[0]!.low;
    }
    expect(low).toBe('3');
    await admin.disconnect();
  });

  it('after a retention pass, ListOffsets earliest has moved and a consumer reads only the new records', async () => {
    const b = await broker({ settings: { initialRebalanceDelayMs: 50, offsetsTopicPartitions: 1 } });
    const kafka = kafkaFor(b);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'aging', numPartitions: 1, configEntries: AGING }] });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'aging', messages: Array.from({ length: 5 }, (_, i) => ({ value: `old-${i}` })) });
    await sleep(700);
    b.cluster.enforceRetention(Date.now()); // the pass the broker's timer runs
    await producer.send({ topic: 'aging', messages: Array.from({ length: 3 }, (_, i) => ({ value: `new-${i}` })) });
    await producer.disconnect();

    expect(await admin.fetchTopicOffsets('aging')).toMatchObject([{ partition: 0, low: '5', high: '8' }]);

    const consumer = kafka.consumer({ groupId: 'aging-reader', maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'aging', fromBeginning: true });
    const seen: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(`${message.offset}:${message.value}`) });
    for (let i = 0; i < 200 && seen.length < 3; i++) await sleep(50);
    await consumer.disconnect();
    await admin.disconnect();
    expect(seen).toEqual(['5:new-0', '6:new-1', '7:new-2']);
  });
});

describe('recovery', () => {
  it('logs the partition, segment file, position and bytes dropped when it cuts a damaged tail', async () => {
    const first = await broker({ dataDir: data.dir });
    const kafka = kafkaFor(first);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'fragile', messages: [{ value: 'one' }, { value: 'two' }] });
    await producer.disconnect();
    await first.close();

    const dir = path.join(data.dir, 'fragile-0');
    const file = path.join(dir, readdirSync(dir).find((n) => n.endsWith('.log'))!);
    const good = statSync(file).size;
    appendFileSync(file, Buffer.alloc(100, 0x7f)); // a torn write: bytes that are no batch
    const second = await broker({ dataDir: data.dir });
    const lines = second.logs.filter((l) => l.startsWith('recovery of partition'));
    expect(lines).toEqual([`recovery of partition fragile-0: truncated damaged tail of ${file} at byte ${good}, dropped 100 bytes (bad magic)`]);
    expect(statSync(file).size).toBe(good);
    const admin = kafkaFor(second).admin();
    await admin.connect();
    expect(await admin.fetchTopicOffsets('fragile')).toMatchObject([{ partition: 0, low: '0', high: '2' }]);
    await admin.disconnect();
  });
});
