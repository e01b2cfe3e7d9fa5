// Sizes on disk through the API, against an embedded broker (2 nodes) keeping its data in a temporary
// folder: each partition's sizeBytes equals the bytes of its segment files (.log) as stat(2) sees them,
// also across several segments; each replica reports its own; a topic is the sum of its partitions;
// the list sorts by size, largest first; the log-dirs route gives each broker's directory with the
// total of what it holds. A broker that cannot answer DescribeLogDirs gives null, never 0.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getLogDirs } from '../../app/api/clusters/[cluster]/log-dirs/route';
import { GET as getTopic } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { GET as listTopics } from '../../app/api/clusters/[cluster]/topics/route';
import { LogDirsSchema } from '../../lib/schemas/broker';
import { TopicDetailSchema, TopicListSchema } from '../../lib/schemas/topic';
import { tempDir } from '../broker/helpers';
import { cachesExpired, call, createTopic, startHarness, uniqueName, type Harness } from './harness';

function segmentBytes(dataDir: string, topic: string, partition: number): bigint {
  const dir = path.join(dataDir, `${topic}-${partition}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .reduce((sum, f) => sum + BigInt(statSync(path.join(dir, f)).size), 0n);
}

const data = tempDir('api-sizes');
let h: Harness;
const big = uniqueName('big');
const small = uniqueName('small');
const mirrored = uniqueName('mirrored');

beforeAll(async () => {
  h = await startHarness({ nodes: 2, broker: { dataDir: data.dir, fsync: 'never' } });
  await createTopic(h, big, 3, 1, { 'segment.bytes': '2048' });
  await createTopic(h, small, 1);
  await createTopic(h, mirrored, 1, 2);
  for (let round = 0; round < 5; round++) {
    await h.producer.send({ topic: big, messages: Array.from({ length: 12 }, (_, i) => ({ partition: i % 2, value: `round ${round} record ${i} `.repeat(10) })) });
  }
  await h.producer.send({ topic: small, messages: [{ value: 'tiny' }] });
  await h.producer.send({ topic: mirrored, messages: [{ value: 'on both nodes' }] });
  await cachesExpired();
});
afterAll(async () => {
  await h?.close();
  data.remove();
});

describe('sizes on disk', () => {
  it("the topic page: each partition's size is the bytes of its segment files, per replica too", async () => {
    const t = TopicDetailSchema.parse((await call(getTopic, `/api/clusters/test/topics/${big}`, { topic: big })).body);
    let total = 0n;
    for (const p of t.partitions) {
      const onDisk = segmentBytes(data.dir, big, p.partition);
      expect(p.sizeBytes).toBe(onDisk.toString());
      expect(p.replicaSizes).toEqual(p.replicas.map((broker) => ({ broker, sizeBytes: onDisk.toString() })));
      total += onDisk;
    }
    // Several segments for the written partitions; nothing for the untouched one.
    expect(readdirSync(path.join(data.dir, `${big}-0`)).filter((f) => f.endsWith('.log')).length).toBeGreaterThan(1);
    expect(t.partitions.find((p) => p.partition === 2)?.sizeBytes).toBe(segmentBytes(data.dir, big, 2).toString());
    expect(t.totals.sizeBytes).toBe(total.toString());

    const m = TopicDetailSchema.parse((await call(getTopic, `/api/clusters/test/topics/${mirrored}`, { topic: mirrored })).body);
    const mirroredBytes = segmentBytes(data.dir, mirrored, 0).toString();
    expect(m.partitions[0]!.replicaSizes.map((r) => r.broker).sort()).toEqual([0, 1]);
    expect(m.partitions[0]!.replicaSizes.every((r) => r.sizeBytes === mirroredBytes)).toBe(true);
    // One copy of the data, not the sum over replicas.
    expect(m.totals.sizeBytes).toBe(mirroredBytes);
  });

  it('the topic list carries sizeBytes and sorts by it, largest first', async () => {
    const list = TopicListSchema.parse((await call(listTopics, '/api/clusters/test/topics?sort=size&dir=desc&pageSize=100')).body);
    const names = list.items.map((t) => t.name);
    expect(names.indexOf(big)).toBeLessThan(names.indexOf(mirrored));
    expect(names.indexOf(mirrored)).toBeLessThan(names.indexOf(small));
    const sizes = list.items.map((t) => BigInt(t.sizeBytes!));
    expect(sizes).toEqual([...sizes].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    const expectBig = [0, 1, 2].reduce((s, p) => s + segmentBytes(data.dir, big, p), 0n);
    expect(list.items.find((t) => t.name === big)?.sizeBytes).toBe(expectBig.toString());
    expect(list.items.find((t) => t.name === small)?.sizeBytes).toBe(segmentBytes(data.dir, small, 0).toString());

    const asc = TopicListSchema.parse((await call(listTopics, '/api/clusters/test/topics?sort=size&dir=asc&pageSize=100')).body);
    expect(asc.items.map((t) => t.name)).toEqual([...names].reverse());
  });

  it("log-dirs: each broker's data directory with the total of the replicas it holds", async () => {
    // The pages above created __consumer_offsets (looking for groups): read a snapshot taken after.
    await cachesExpired();
    const res = LogDirsSchema.parse((await call(getLogDirs, '/api/clusters/test/log-dirs')).body);
    expect(res.brokers.map((b) => b.id).sort()).toEqual([0, 1]);
    const t = (name: string) => h.broker.cluster.topics.get(name)!;
    for (const b of res.brokers) {
      expect(b.answered).toBe(true);
      expect(b.dirs).toHaveLength(1);
      expect(b.dirs[0]!.path).toBe(path.resolve(data.dir));
      let expected = 0n;
      let count = 0;
      for (const topic of h.broker.cluster.topics.values()) {
        for (const p of topic.partitions) {
          if (!p.replicas.includes(b.id)) continue;
          expected += segmentBytes(data.dir, topic.name, p.index);
          count++;
        }
      }
      expect(b.dirs[0]!.sizeBytes).toBe(expected.toString());
      expect(b.dirs[0]!.partitions).toBe(count);
    }
    expect(t(big)).toBeTruthy();
  });
});
