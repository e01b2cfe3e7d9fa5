import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumer } from 'kafkajs';
import { GET as getGroup, DELETE as deleteGroup } from '../../app/api/clusters/[cluster]/groups/[group]/route';
import { GET as listGroups } from '../../app/api/clusters/[cluster]/groups/route';
import { GET as getTopic } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { POST as preview } from '../../app/api/clusters/[cluster]/groups/[group]/offsets/preview/route';
import { POST as reset } from '../../app/api/clusters/[cluster]/groups/[group]/offsets/reset/route';
import { GroupDetailSchema, GroupListSchema, ResetPreviewSchema } from '../../lib/schemas/group';
import { TopicDetailSchema } from '../../lib/schemas/topic';
import { cachesExpired, call, commitOffsets, createTopic, startHarness, type Harness } from './harness';

let h: Harness;
const topic = 'lag-topic';
const other = 'lag-other';
const group = 'lag-group';

const commit = (groupId: string, t: string, offsets: Record<number, string>) => commitOffsets(h, groupId, t, offsets);

beforeAll(async () => {
  h = await startHarness();
  await createTopic(h, topic, 3);
  await createTopic(h, other, 1);
  for (let i = 0; i < 30; i++) await h.producer.send({ topic, messages: [{ partition: i % 3, value: `v${i}` }] });
  await h.producer.send({ topic: other, messages: [{ value: 'a' }, { value: 'b' }] });
  await commit(group, topic, { 0: '2', 1: '10' }); // partition 2: no commit
});
afterAll(() => h?.close());

/** High watermarks straight from the broker, independently of the code under test. */
async function highs(t: string): Promise<Map<number, bigint>> {
  const admin = h.kafka.admin();
  await admin.connect();
  try {
    return new Map((await admin.fetchTopicOffsets(t)).map((o) => [o.partition, BigInt(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

describe('lag', () => {
  it('equals high watermark - committed; partitions without commits have no lag', async () => {
    const r = await call(getGroup, `/api/groups/${group}`, { group });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const g = GroupDetailSchema.parse(r.body);
    const hw = await highs(topic);
    const rows = g.offsets.filter((o) => o.topic === topic);
    expect(rows.map((o) => [o.partition, o.committed, o.lag])).toEqual([
      [0, '2', (hw.get(0)! - 2n).toString()],
      [1, '10', (hw.get(1)! - 10n).toString()],
    ]);
    expect(g.totals.lag).toBe((hw.get(0)! - 2n + hw.get(1)! - 10n).toString());
    expect(g.state).toBe('Empty');
  });
  it('a filter finds a group that appeared a moment ago, though the list cache is still warm', async () => {
    await createTopic(h, 'fresh-group-topic', 1);
    expect((await call(listGroups, '/api/groups')).status).toBe(200);
    await commitOffsets(h, 'appeared-just-now', 'fresh-group-topic', { 0: '0' });
    const list = GroupListSchema.parse((await call(listGroups, '/api/groups?q=appeared-just')).body);
    expect(list.items.map((g) => g.groupId)).toEqual(['appeared-just-now']);
  });

  it('the group list shows state, topics and total lag', async () => {
    const r = await call(listGroups, `/api/groups?q=lag-&sort=totalLag&dir=desc`);
    expect(r.status).toBe(200);
    const row = r.body.items.find((x: { groupId: string }) => x.groupId === group);
    expect(row).toMatchObject({ state: 'Empty', members: 0, topics: [topic], totalLag: '8' });
  });
  it('the topic page lists the groups consuming it with their lag, and shows a reset at once', async () => {
    const g = 'topic-page-group';
    await commit(g, topic, { 0: '1', 1: '1', 2: '1' });
    await commit('elsewhere-group', other, { 0: '1' });
    await cachesExpired();
    const hw = await highs(topic);
    const detail = async () => TopicDetailSchema.parse((await call(getTopic, `/api/topics/${topic}`, { topic })).body);
    const before = await detail();
    expect(before.groups.find((x) => x.groupId === g)).toMatchObject({ groupId: g, state: 'Empty', lag: (hw.get(0)! + hw.get(1)! + hw.get(2)! - 3n).toString(), status: null, statusReason: 'lag history is off' });
    expect(before.groups.find((x) => x.groupId === group)?.lag).toBe((hw.get(0)! - 2n + hw.get(1)! - 10n).toString());
    expect(before.groups.map((x) => x.groupId)).not.toContain('elsewhere-group');
    const r = await call(reset, `/api/groups/${g}/offsets/reset`, { group: g }, { method: 'POST', body: { mode: 'latest' } });
    expect(r.status).toBe(200);
    expect((await detail()).groups.find((x) => x.groupId === g)?.lag).toBe('0');
  });
  it('pages and sorts many groups by lag, by id, and filters by state', async () => {
    const hw0 = (await highs(topic)).get(0)!;
    for (let i = 0; i < 10; i++) await commit(`many-${i}`, topic, { 0: String(i) });
    await cachesExpired();
    const page = async (query: string) => GroupListSchema.parse((await call(listGroups, `/api/groups?q=many-&${query}`)).body);
    const byLag = await page('sort=totalLag&dir=desc&page=2&pageSize=3');
    expect(byLag.total).toBe(10);
    expect(byLag.items.map((x) => [x.groupId, x.totalLag])).toEqual([3, 4, 5].map((i) => [`many-${i}`, (hw0 - BigInt(i)).toString()]));
    expect((await page('sort=groupId&dir=desc&pageSize=3')).items.map((x) => x.groupId)).toEqual(['many-9', 'many-8', 'many-7']);
    expect((await page('state=Empty&pageSize=3')).total).toBe(10);
    expect((await page('state=Stable&pageSize=3')).total).toBe(0);
  });
  it('a commit above the log end has a negative lag, as kafka-consumer-groups.sh shows it, everywhere and in every total', async () => {
    const t = 'ahead-topic';
    const g = 'ahead-group';
    await createTopic(h, t, 2);
    await h.producer.send({ topic: t, messages: Array.from({ length: 100 }, (_, i) => ({ partition: 0, value: `a${i}` })) });
    await h.producer.send({ topic: t, messages: Array.from({ length: 10 }, (_, i) => ({ partition: 1, value: `b${i}` })) });
    // An admin tool's commit (kafkajs's setOffsets: OffsetCommit with no member): nothing clamps it.
    const admin = h.kafka.admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId: g, topic: t, partitions: [{ partition: 0, offset: '120' }, { partition: 1, offset: '4' }] });
    } finally {
      await admin.disconnect();
    }
    await cachesExpired();
    // The oracle: kafkajs's own view of the committed offsets and the log ends, subtracted.
    const oracle = h.kafka.admin();
    await oracle.connect();
    let expected: Map<number, bigint>;
    try {
      const [committed] = await oracle.fetchOffsets({ groupId: g, topics: [t] });
      const ends = new Map((await oracle.fetchTopicOffsets(t)).map((o) => [o.partition, BigInt(o.high)]));
      expected = new Map(committed!.partitions.map((p) => [p.partition, ends.get(p.partition)! - BigInt(p.offset)]));
    } finally {
      await oracle.disconnect();
    }
    expect([...expected.entries()].sort()).toEqual([[0, -20n], [1, 6n]]);
    const total = (expected.get(0)! + expected.get(1)!).toString();
    const d = GroupDetailSchema.parse((await call(getGroup, `/api/groups/${g}`, { group: g })).body);
    expect(d.offsets.map((o) => [o.partition, o.committed, o.logEnd, o.lag])).toEqual([
      [0, '120', '100', '-20'],
      [1, '4', '10', '6'],
    ]);
    expect(d.totals.lag).toBe(total);
    // The list's two paths (the page's own offsets; the group index when sorting by lag) and the topic page.
    const byId = GroupListSchema.parse((await call(listGroups, `/api/groups?q=${g}`)).body);
    expect(byId.items.map((x) => x.totalLag)).toEqual([total]);
    const byLag = GroupListSchema.parse((await call(listGroups, `/api/groups?q=${g}&sort=totalLag`)).body);
    expect(byLag.items.map((x) => x.totalLag)).toEqual([total]);
    const topicPage = TopicDetailSchema.parse((await call(getTopic, `/api/topics/${t}`, { topic: t })).body);
    expect(topicPage.groups.find((x) => x.groupId === g)?.lag).toBe(total);
  });
  it('unknown group is 404', async () => {
    expect((await call(getGroup, '/api/groups/never-was', { group: 'never-was' })).status).toBe(404);
  });
});

describe('offset reset', () => {
  const post = (handler: typeof preview, g: string, body: unknown) =>
    call(handler, `/api/groups/${g}/offsets/${handler === preview ? "preview" : "reset"}`, { group: g }, { method: 'POST', body });

  it.each([
    ['earliest', { mode: 'earliest' }],
    ['latest', { mode: 'latest' }],
    ['offset', { mode: 'offset', offset: '4' }],
    ['shift', { mode: 'shift', shift: '-3' }],
    ['timestamp', { mode: 'timestamp', timestamp: 0 }],
    ['one topic', { mode: 'latest', topic: other }],
    ['chosen partitions', { mode: 'offset', offset: '1', topic, partitions: [2] }],
  ])('%s: preview then reset commits exactly the preview', async (_, body) => {
    const g = `reset-${Math.random().toString(36).slice(2)}`;
    await commit(g, topic, { 0: '5', 1: '5', 2: '5' });
    await commit(g, other, { 0: '1' });
    const p = await post(preview, g, body);
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const planned = ResetPreviewSchema.parse(p.body);
    expect(planned.applied).toBe(false);
    const before = GroupDetailSchema.parse((await call(getGroup, `/api/groups/${g}`, { group: g })).body);
    expect(before.offsets.filter((o) => o.committed === '5').length).toBe(3); // preview changed nothing
    const r = await post(reset, g, body);
    expect(r.status).toBe(200);
    expect(ResetPreviewSchema.parse(r.body).partitions).toEqual(planned.partitions);
    const after = GroupDetailSchema.parse((await call(getGroup, `/api/groups/${g}`, { group: g })).body);
    for (const row of planned.partitions) {
      const o = after.offsets.find((x) => x.topic === row.topic && x.partition === row.partition);
      expect(o?.committed).toBe(row.target);
      expect(BigInt(row.target) >= 0n).toBe(true);
    }
  });

  it('is refused with 409 while a kafkajs consumer of the group runs; delete too', async () => {
    const g = 'running-group';
    const consumer: Consumer = h.kafka.consumer({ groupId: g, sessionTimeout: 10_000, heartbeatInterval: 500 });
    await consumer.connect();
    await consumer.subscribe({ topic: other, fromBeginning: true });
    let seen = 0;
    await consumer.run({ eachMessage: async () => void seen++ });
    try {
      for (let i = 0; i < 100 && seen < 2; i++) await new Promise((r) => setTimeout(r, 100));
      const r = await post(reset, g, { mode: 'earliest' , topic: other });
      expect(r.status).toBe(409);
      expect(r.body.detail).toMatch(/active member/);
      const d = await call(deleteGroup, `/api/groups/${g}`, { group: g }, { method: 'DELETE' });
      expect(d.status).toBe(409);
      const detail = GroupDetailSchema.parse((await call(getGroup, `/api/groups/${g}`, { group: g })).body);
      expect(detail.members[0]?.assignments).toEqual([{ topic: other, partitions: [0] }]);
    } finally {
      await consumer.disconnect();
    }
  });

  it('an empty group can be deleted', async () => {
    await commit('to-delete', other, { 0: '1' });
    const d = await call(deleteGroup, '/api/groups/to-delete', { group: 'to-delete' }, { method: 'DELETE' });
    expect(d.status).toBe(204);
    expect((await call(getGroup, '/api/groups/to-delete', { group: 'to-delete' })).status).toBe(404);
  });
});
