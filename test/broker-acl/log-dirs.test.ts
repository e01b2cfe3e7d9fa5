// DescribeLogDirs from the broker's real files: each node answers with its data directory and, for
// every partition it hosts, a size equal to the bytes of that partition's segment files (.log) as
// stat(2) sees them on disk — across several segments, after more writes, and with a topic filter.
// Requests and responses are laid out by hand (wire.ts), not by the broker's codec.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaFor, startTestBroker, tempDir, type TestBroker } from '../broker/helpers';
import { describeLogDirs } from './wire';

/** The bytes of a partition's .log files, read from the file system. */
function segmentBytes(dataDir: string, topic: string, partition: number): bigint {
  const dir = path.join(dataDir, `${topic}-${partition}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .reduce((sum, f) => sum + BigInt(statSync(path.join(dir, f)).size), 0n);
}

describe('DescribeLogDirs on a broker with a data directory', () => {
  const data = tempDir('logdirs');
  let broker: TestBroker;

  beforeAll(async () => {
    broker = await startTestBroker({ dataDir: data.dir, nodes: 2, fsync: 'never' });
    const kafka = kafkaFor(broker);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic: 'sized', numPartitions: 4, replicationFactor: 1, configEntries: [{ name: 'segment.bytes', value: '2048' }] },
        { topic: 'mirrored', numPartitions: 1, replicationFactor: 2 },
      ],
    });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    for (let round = 0; round < 6; round++) {
      await producer.send({
        topic: 'sized',
        messages: Array.from({ length: 12 }, (_, i) => ({ partition: i % 3, value: `round ${round} message ${i} `.repeat(8) })),
      });
    }
    await producer.send({ topic: 'mirrored', messages: [{ value: 'on both nodes' }] });
    await producer.disconnect();
  });
  afterAll(async () => {
    await broker?.close();
    data.remove();
  });

  it('reports, per node, the bytes of each hosted partition\'s segment files on disk', async () => {
    const seen = new Map<string, { size: bigint; nodes: number[] }>();
    for (const node of broker.nodes) {
      const dirs = await describeLogDirs(node.port, null);
      expect(dirs).toHaveLength(1);
      const [dir] = dirs;
      expect(dir!.errorCode).toBe(0);
      expect(dir!.logDir).toBe(path.resolve(data.dir));
      for (const t of dir!.topics) {
        for (const p of t.partitions) {
          expect(p.partitionSize).toBe(segmentBytes(data.dir, t.name, p.partitionIndex));
          expect(p.offsetLag).toBe(0n);
          expect(p.isFutureKey).toBe(false);
          const key = `${t.name}-${p.partitionIndex}`;
          const entry = seen.get(key) ?? { size: p.partitionSize, nodes: [] };
          entry.nodes.push(node.id);
          seen.set(key, entry);
        }
      }
    }
    // Every partition is reported by exactly the nodes in its replica list.
    for (const t of broker.cluster.topics.values()) {
      for (const p of t.partitions) expect(seen.get(`${t.name}-${p.index}`)?.nodes.sort()).toEqual([...p.replicas].sort());
    }
    // The written partitions span several segments, so the sum is over more than one file.
    const files = readdirSync(path.join(data.dir, 'sized-0')).filter((f) => f.endsWith('.log'));
    expect(files.length).toBeGreaterThan(1);
    expect(seen.get('sized-0')!.size).toBeGreaterThan(2048n);
    expect(seen.get('sized-3')!.size).toBe(0n);
    expect(seen.get('mirrored-0')!.size).toBeGreaterThan(0n);
  });

  it('follows the files as they grow, and answers only the requested partitions (v0 too)', async () => {
    const leaderOf = (index: number) => broker.cluster.leaderOf(broker.cluster.partition('sized', index)!);
    const node = broker.nodes.find((n) => n.id === leaderOf(1))!;
    const before = segmentBytes(data.dir, 'sized', 1);
    const producer = kafkaFor(broker).producer();
    await producer.connect();
    await producer.send({ topic: 'sized', messages: [{ partition: 1, value: 'x'.repeat(3000) }] });
    await producer.disconnect();
    const after = segmentBytes(data.dir, 'sized', 1);
    expect(after).toBeGreaterThan(before + 3000n);

    for (const version of [0, 1]) {
      const dirs = await describeLogDirs(node.port, [{ topic: 'sized', partitions: [1, 99] }, { topic: 'no-such-topic', partitions: [0] }], version);
      expect(dirs[0]!.topics).toEqual([{ name: 'sized', partitions: [{ partitionIndex: 1, partitionSize: after, offsetLag: 0n, isFutureKey: false }] }]);
    }
  });
});

describe('DescribeLogDirs in memory', () => {
  let broker: TestBroker;
  beforeAll(async () => {
    broker = await startTestBroker();
  });
  afterAll(async () => {
    await broker?.close();
  });

  it('names no directory and reports the bytes held in memory', async () => {
    const producer = kafkaFor(broker).producer();
    await producer.connect();
    await producer.send({ topic: 'kept', messages: [{ value: 'in memory' }] });
    await producer.disconnect();
    const [dir] = await describeLogDirs(broker.nodes[0]!.port, [{ topic: 'kept', partitions: [0] }]);
    expect(dir!.logDir).toBe('(in-memory)');
    const size = dir!.topics[0]!.partitions[0]!.partitionSize;
    expect(size).toBe(BigInt(broker.cluster.partition('kept', 0)!.log.size()));
    // One uncompressed batch of one small record: the 61-byte v2 batch header plus the record.
    expect(size).toBeGreaterThan(61n);
    expect(size).toBeLessThan(200n);
  });
});
