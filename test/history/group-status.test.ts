// The group DTOs carry the lag history's verdicts: the group list (status column, filter and sort
// by status, lag in seconds, recent trend), the group page (status per group and per partition) and
// the topic page's groups, all equal to the store's own verdicts; a group the sampler has not seen
// yet says so instead of a status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getGroup } from '../../app/api/clusters/[cluster]/groups/[group]/route';
import { GET as listGroups } from '../../app/api/clusters/[cluster]/groups/route';
import { GET as getTopic } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { GET as getLagHistory } from '../../app/api/clusters/[cluster]/groups/[group]/lag-history/route';
import { GroupDetailSchema, GroupListSchema } from '../../lib/schemas/group';
import { LagHistorySchema } from '../../lib/schemas/lag-history';
import { TopicDetailSchema } from '../../lib/schemas/topic';
import { call } from '../api/harness';
import { CLUSTER, commitOffsets, createTopic, produce, rounds, startHistoryHarness, statusBecomes, type HistoryHarness } from './history-harness';

let h: HistoryHarness;

beforeAll(async () => {
  h = await startHistoryHarness();
  await createTopic(h, 'st-orders', 2);
  await produce(h, 'st-orders', 50, 0);
  await produce(h, 'st-orders', 50, 1);
  await commitOffsets(h, 'st-ok', 'st-orders', { 0: 50, 1: 50 });
  await commitOffsets(h, 'st-ahead', 'st-orders', { 0: 70, 1: 50 });
  await commitOffsets(h, 'st-rewind', 'st-orders', { 0: 40 });
  await statusBecomes(h, 'st-ok', 'OK');
  await statusBecomes(h, 'st-ahead', 'ERROR');
  await rounds(h, 1);
  await commitOffsets(h, 'st-rewind', 'st-orders', { 0: 10 });
  await statusBecomes(h, 'st-rewind', 'REWIND');
});
afterAll(() => h?.close());

const list = async (query: string) => {
  const r = await call(listGroups, `/api/clusters/${CLUSTER}/groups?q=st-&${query}`, { cluster: CLUSTER });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return GroupListSchema.parse(r.body);
};

describe('group status from the lag history', () => {
  it('the group list shows each group\'s verdict, equal to the store\'s', async () => {
    const page = await list('pageSize=50');
    expect(page.items.map((g) => g.groupId)).toEqual(['st-ahead', 'st-ok', 'st-rewind']);
    for (const g of page.items) {
      const v = h.history().store.statusOf(g.groupId)!;
      expect([g.status, g.statusReason]).toEqual([v.status, v.reason]);
      expect(g.lagTrend.length).toBeGreaterThan(0);
    }
    expect(page.items.find((g) => g.groupId === 'st-ahead')!.statusReason).toBe('st-orders-0: committed offset 70 is above the log end 50 (lag -20)');
    expect(page.items.find((g) => g.groupId === 'st-ahead')!.lagTrend.at(-1)).toBe('-20');
  });

  it('filters and sorts by status (by severity, then by id)', async () => {
    expect((await list('status=ERROR')).items.map((g) => g.groupId)).toEqual(['st-ahead']);
    expect((await list('status=REWIND')).items.map((g) => g.groupId)).toEqual(['st-rewind']);
    expect((await list('status=STALL')).total).toBe(0);
    expect((await list('sort=status&dir=desc')).items.map((g) => g.status)).toEqual(['ERROR', 'REWIND', 'OK']);
    expect((await list('sort=status&dir=asc')).items.map((g) => g.status)).toEqual(['OK', 'REWIND', 'ERROR']);
    // A bad status is ignored as every list parameter is (the URL is the UI's state).
    expect((await list('status=BAD')).total).toBe(3);
  });

  it('the group page shows the group\'s status and each partition\'s', async () => {
    const r = await call(getGroup, `/api/clusters/${CLUSTER}/groups/st-ahead`, { cluster: CLUSTER, group: 'st-ahead' });
    const d = GroupDetailSchema.parse(r.body);
    expect(d.status).toBe('ERROR');
    expect(d.offsets.map((o) => [o.partition, o.lag, o.status])).toEqual([
      [0, '-20', 'ERROR'],
      [1, '0', 'OK'],
    ]);
    expect(d.offsets[0]!.statusReason).toBe('committed offset 70 is above the log end 50 (lag -20)');
    expect(d.totals.lag).toBe('-20');
  });

  it('the topic page shows each group\'s status on that topic', async () => {
    const r = await call(getTopic, `/api/clusters/${CLUSTER}/topics/st-orders`, { cluster: CLUSTER, topic: 'st-orders' });
    const t = TopicDetailSchema.parse(r.body);
    const byId = new Map(t.groups.map((g) => [g.groupId, g]));
    expect(byId.get('st-ok')!.status).toBe('OK');
    expect(byId.get('st-ahead')!.status).toBe('ERROR');
    expect(byId.get('st-rewind')!.status).toBe('REWIND');
    expect(byId.get('st-rewind')!.statusReason).toBe('st-orders-0: committed offset moved back from 40 to 10');
  });

  it('rounds that saw the group before its first commit have no lag in the history (a gap, not 0)', async () => {
    const consumer = h.kafka.consumer({ groupId: 'st-joined', sessionTimeout: 10_000, heartbeatInterval: 300 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'st-orders', fromBeginning: false });
    await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    try {
      while (h.history().store.statusOf('st-joined')?.reason !== 'no committed offsets') await new Promise((r) => setTimeout(r, 50));
      await rounds(h, 1);
    } finally {
      await consumer.disconnect();
    }
    await commitOffsets(h, 'st-joined', 'st-orders', { 0: 45 });
    await statusBecomes(h, 'st-joined', (s) => s !== 'OK' || h.history().store.statusOf('st-joined')!.reason !== 'no committed offsets');
    await rounds(h, 1);
    const r = await call(getLagHistory, `/api/clusters/${CLUSTER}/groups/st-joined/lag-history?range=15m`, { cluster: CLUSTER, group: 'st-joined' });
    const lh = LagHistorySchema.parse(r.body);
    const first = lh.totals[0]!;
    expect([first.logEnd, first.lag]).toEqual([null, null]);
    expect(lh.totals.at(-1)!.lag).toBe('5');
  });

  it('a group the sampler has not seen yet has no status, and says so', async () => {
    // Committed between rounds and read before the next: the group is not in the store yet.
    await h.history().sampler.stop();
    await commitOffsets(h, 'st-new', 'st-orders', { 0: 1 });
    const r = await call(getGroup, `/api/clusters/${CLUSTER}/groups/st-new`, { cluster: CLUSTER, group: 'st-new' });
    const d = GroupDetailSchema.parse(r.body);
    expect([d.status, d.statusReason, d.lagSeconds, d.lagTrend]).toEqual([null, 'no history yet', null, []]);
    expect(d.offsets.map((o) => [o.status, o.statusReason])).toEqual([[null, null]]);
  });
});
