// Thousands of topics on a disk-backed broker: one CreateTopics request creating 2,000 topics is
// answered in full, and after a restart on the same data dir every topic is there again with its
// partitions and configs; a topic deleted before the restart stays deleted.
import { afterAll, describe, expect, it } from 'vitest';
import { kafkaFor, startTestBroker, tempDir, type TestBroker } from './helpers';

const TOPICS = 2000;
const data = tempDir('many-topics');
const brokers: TestBroker[] = [];

afterAll(async () => {
  for (const b of brokers) await b.close();
  data.remove();
});

async function start(): Promise<TestBroker> {
  const broker = await startTestBroker({ dataDir: data.dir, autoCreateTopics: false });
  brokers.push(broker);
  return broker;
}

const admin = (broker: TestBroker) => kafkaFor(broker).admin();

describe('many topics', () => {
  it('creates 2,000 topics in one request and finds them all after a restart', async () => {
    const names = Array.from({ length: TOPICS }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
    const first = await start();
    const a = admin(first);
    await a.connect();
    const created = await a.createTopics({
      topics: names.map((topic, i) => ({
        topic,
        numPartitions: i < 3 ? i + 1 : 1,
        configEntries: i % 2 === 0 ? [{ name: 'retention.ms', value: String(60_000 + i) }] : [],
      })),
    });
    expect(created).toBe(true);
    await a.deleteTopics({ topics: ['bulk-0007'] });
    await a.disconnect();
    await first.close();

    const second = await start();
    const b = admin(second);
    await b.connect();
    const listed = new Set(await b.listTopics());
    const kept = names.filter((n) => n !== 'bulk-0007');
    expect(kept.filter((n) => !listed.has(n))).toEqual([]);
    expect(listed.has('bulk-0007')).toBe(false);
    const { topics } = await b.fetchTopicMetadata({ topics: ['bulk-0000', 'bulk-0001', 'bulk-0002', 'bulk-1999'] });
    expect(topics.map((t) => [t.name, t.partitions.length]).sort()).toEqual([
      ['bulk-0000', 1],
      ['bulk-0001', 2],
      ['bulk-0002', 3],
      ['bulk-1999', 1],
    ]);
    const configs = await b.describeConfigs({
      resources: [{ type: 2, name: 'bulk-1998', configNames: ['retention.ms'] }],
      includeSynonyms: false,
    });
    expect(configs.resources[0]!.configEntries[0]!.configValue).toBe('61998');
    await b.disconnect();
  });
});
