import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumer } from 'kafkajs';
import { GET as getGroup, DELETE as deleteGroup } from '../../app/api/groups/[group]/route';
import { GET as listGroups } from '../../app/api/groups/route';
import { POST as preview } from '../../app/api/groups/[group]/offsets/preview/route';
import { POST as reset } from '../../app/api/groups/[group]/offsets/reset/route';
import { GroupDetailSchema, ResetPreviewSchema } from '../../lib/schemas/group';
import { captureCluster } from '../../lib/kafka/reader-pool';
import { call, createTopic, startHarness, type Harness } from './harness';

let h: Harness;
const topic = 'lag-topic';
const other = 'lag-other';
const group = 'lag-group';

/** Commits offsets the way an admin tool does (generation -1, no member), straight to the coordinator. */
async function commit(groupId: string, t: string, offsets: Record<number, string>) {
  const cluster = captureCluster(h.kafka);
  await cluster.connect();
  try {
    const coordinator = await cluster.findGroupCoordinator({ groupId });
    await coordinator.offsetCommit({
      groupId,
      groupGenerationId: -1,
      memberId: '',
      retentionTime: -1,
      topics: [{ topic: t, partitions: Object.entries(offsets).map(([p, offset]) => ({ partition: Number(p), offset })) }],
    });
  } finally {
    await cluster.disconnect();
  }
}

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
  it('the group list shows state, topics and total lag', async () => {
    const r = await call(listGroups, `/api/groups?q=lag-&sort=totalLag&dir=desc`);
    expect(r.status).toBe(200);
    const row = r.body.items.find((x: { groupId: string }) => x.groupId === group);
    expect(row).toMatchObject({ state: 'Empty', members: 0, topics: [topic], totalLag: '8' });
  });
  it('unknown group is 404', async () => {
    expect((await call(getGroup, '/api/groups/never-was', { group: 'never-was' })).status).toBe(404);
  });
});

describe('offset reset', () => {
  const post = (handler: typeof preview, g: string, body: unknown) =>
    call(handler, `/api/groups/${g}/offsets/x`, { group: g }, { method: 'POST', body });

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
