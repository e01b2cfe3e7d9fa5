// The lag history survives a console restart: the samplers are stopped and started again over the
// same data directory (as a restarted process does), and the group's earlier points, its verdict and
// its lag in seconds are there before the first new round, then new rounds append after them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getLagHistory } from '../../app/api/clusters/[cluster]/groups/[group]/lag-history/route';
import { GET as getGroup } from '../../app/api/clusters/[cluster]/groups/[group]/route';
import { historyOf, startHistory, stopHistory } from '../../lib/kafka/history/history';
import { GroupDetailSchema } from '../../lib/schemas/group';
import { LagHistorySchema } from '../../lib/schemas/lag-history';
import { call } from '../api/harness';
import { CLUSTER, INTERVAL_MS, WINDOW, commitOffsets, createTopic, produce, rounds, startHistoryHarness, statusBecomes, type HistoryHarness } from './history-harness';

let h: HistoryHarness;

beforeAll(async () => {
  h = await startHistoryHarness();
});
afterAll(() => h?.close());

const history = async () => {
  const r = await call(getLagHistory, `/api/clusters/${CLUSTER}/groups/survivor/lag-history?range=15m`, { cluster: CLUSTER, group: 'survivor' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return LagHistorySchema.parse(r.body);
};

describe('lag history across a restart', () => {
  it('keeps the points, the verdict and the lag in seconds, and appends after them', async () => {
    await createTopic(h, 'restart-topic');
    await produce(h, 'restart-topic', 30);
    // Watched from the first commit on: the sampler reads the log ends of committed partitions.
    await commitOffsets(h, 'survivor', 'restart-topic', { 0: 10 });
    await rounds(h, 2);
    await produce(h, 'restart-topic', 30);
    await rounds(h, 1);
    await commitOffsets(h, 'survivor', 'restart-topic', { 0: 130 });
    await statusBecomes(h, 'survivor', 'ERROR');
    await commitOffsets(h, 'survivor', 'restart-topic', { 0: 40 });
    await statusBecomes(h, 'survivor', 'REWIND');
    await rounds(h, 2);
    const before = await history();
    expect(before.totals.length).toBeGreaterThanOrEqual(4);
    const lastBefore = before.totals.at(-1)!.t;

    // The restart: samplers stopped and files closed; opened again over the same directory, with an
    // interval so long that no new round runs before the checks.
    const dBefore = GroupDetailSchema.parse((await call(getGroup, `/api/clusters/${CLUSTER}/groups/survivor`, { cluster: CLUSTER, group: 'survivor' })).body);
    expect(dBefore.lagSeconds).not.toBeNull();
    const old = historyOf(CLUSTER)!;
    await stopHistory();
    expect(historyOf(CLUSTER)).toBeUndefined();
    const verdictBefore = old.store.verdictOf('survivor');
    expect(verdictBefore.status).toMatch(/^(REWIND|STOP)$/);
    await startHistory({ dataDir: h.dataDir, intervalMs: 3_600_000, window: WINDOW, log: () => undefined });
    // Before the first new round (it starts on a timer): the verdict is the one from before, rebuilt from the files.
    expect(historyOf(CLUSTER)!.store.verdictOf('survivor')).toEqual(verdictBefore);
    await new Promise((r) => setTimeout(r, INTERVAL_MS));
    const after = await history();
    const kept = after.totals.filter((p) => p.t <= lastBefore);
    expect(kept).toEqual(before.totals);
    expect(after.partitions[0]!.points.filter((p) => p[0] <= lastBefore)).toEqual(before.partitions[0]!.points);
    const d = GroupDetailSchema.parse((await call(getGroup, `/api/clusters/${CLUSTER}/groups/survivor`, { cluster: CLUSTER, group: 'survivor' })).body);
    expect(d.status).toMatch(/^(REWIND|STOP)$/);
    expect(d.lagTrend.length).toBeGreaterThan(1);
    // Offset 40 was written while the sampler watched (between the two batches): its age is known again.
    expect(d.lagSeconds).toBe(dBefore.lagSeconds);

    // New rounds go on after the old ones.
    await historyOf(CLUSTER)!.sampler.roundNow();
    const later = await history();
    expect(later.totals.at(-1)!.t).toBeGreaterThan(lastBefore);
    expect(later.totals.length).toBeGreaterThan(before.totals.length);
  });
});
