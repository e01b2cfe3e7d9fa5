// The group index reads committed offsets many groups per request (OffsetFetch v8). Checked against
// kafkajs' own admin, which asks one group per request (v4), over more groups than one request
// takes, on three coordinators, with groups committed on one topic, on two, and on none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getTopic } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { GET as listGroups } from '../../app/api/clusters/[cluster]/groups/route';
import { GroupListSchema } from '../../lib/schemas/group';
import { TopicDetailSchema } from '../../lib/schemas/topic';
import { call, commitOffsets, createTopic, startHarness, type Harness } from './harness';

let h: Harness;
const topic = 'batch-topic';
const second = 'batch-second';
const GROUPS = 620;
const groupId = (i: number) => `batch-group-${String(i).padStart(4, '0')}`;

beforeAll(async () => {
  h = await startHarness({ nodes: 3 });
  await createTopic(h, topic, 3);
  await createTopic(h, second, 1);
  await h.producer.send({ topic, messages: Array.from({ length: 90 }, (_, i) => ({ partition: i % 3, value: `v${i}` })) });
  await h.producer.send({ topic: second, messages: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] });
  for (let i = 0; i < GROUPS; i++) {
    await commitOffsets(h, groupId(i), topic, { [i % 3]: String(i % 30) });
    if (i % 7 === 0) await commitOffsets(h, groupId(i), second, { 0: String(i % 4) });
  }
}, 120_000);
afterAll(() => h?.close());

async function committedByKafkajs(ids: string[]): Promise<Map<string, { topic: string; partition: number; offset: string }[]>> {
  const admin = h.kafka.admin();
  await admin.connect();
  try {
    const out = new Map<string, { topic: string; partition: number; offset: string }[]>();
    for (const id of ids) {
      const rows = await admin.fetchOffsets({ groupId: id, topics: [topic, second] });
      out.set(
        id,
        rows.flatMap((t) => t.partitions.filter((p) => !p.offset.startsWith('-')).map((p) => ({ topic: t.topic, partition: p.partition, offset: p.offset }))),
      );
    }
    return out;
  } finally {
    await admin.disconnect();
  }
}

describe('committed offsets of many groups per request', () => {
  it('the topic page lists every consuming group with the offsets kafkajs reads one group at a time', async () => {
    const before = h.broker.stats().requests['OffsetFetch:v8'] ?? 0;
    const r = await call(getTopic, `/api/topics/${topic}`, { topic });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const detail = TopicDetailSchema.parse(r.body);
    const sent = (h.broker.stats().requests['OffsetFetch:v8'] ?? 0) - before;
    // At most a few requests per coordinator, not one per group.
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(20);

    const expected = await committedByKafkajs(Array.from({ length: GROUPS }, (_, i) => groupId(i)));
    expect(detail.groups.map((g) => g.groupId).sort()).toEqual([...expected.keys()].sort());
    const highs = new Map<number, bigint>([0, 1, 2].map((p) => [p, 30n]));
    for (const g of detail.groups) {
      const commits = expected.get(g.groupId)!.filter((c) => c.topic === topic);
      const lag = commits.reduce((sum, c) => sum + highs.get(c.partition)! - BigInt(c.offset), 0n);
      expect(g.lag, g.groupId).toBe(lag.toString());
    }
  });

  it('the lag-sorted group list orders by the totals over both topics', async () => {
    const r = await call(listGroups, '/api/groups?sort=totalLag&dir=desc&pageSize=50');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const list = GroupListSchema.parse(r.body);
    const expected = await committedByKafkajs(list.items.map((g) => g.groupId));
    const ends: Record<string, bigint> = { [topic]: 30n, [second]: 3n };
    const totals = list.items.map((g) => expected.get(g.groupId)!.reduce((sum, c) => sum + ends[c.topic]! - BigInt(c.offset), 0n));
    list.items.forEach((g, i) => expect(g.totalLag, g.groupId).toBe(totals[i]!.toString()));
    for (let i = 1; i < totals.length; i++) expect(totals[i - 1]! >= totals[i]!).toBe(true);
    // The largest possible total: 30 behind on the first topic (offset 0) and 3 on the second.
    expect(list.items[0]!.totalLag).toBe('33');
  });
});
