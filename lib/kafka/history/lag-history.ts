// The lag history of one group as the API shows it (lib/schemas/lag-history.ts): the rounds of the
// range from the cluster's lag store, as one series per partition plus totals and rates per point,
// and the group's verdict at the latest round. Lag is log end - committed, not clamped, so the
// totals are what kafka-consumer-groups.sh adds up. Reads only the store, never the cluster.
import 'server-only';
import { LAG_HISTORY_RANGE_MS, type LagHistory, type LagHistoryRange, type LagPoint } from '../../schemas/lag-history';
import { notFound, unavailable } from '../errors';
import { historyOf } from './history';
import { tpKeyOf, type HistoryRound } from './history-query';
import type { PartitionVerdict } from './verdicts';

/** Points per series at most (a 7-day range at 5-minute resolution is 2,016). */
export const MAX_POINTS = 2_000;
/** Points of all partitions together at most, so a group of many partitions gets fewer points per
 * series: at 100 partitions over 7 days, 500 points each (one per 20 minutes, still more than a
 * chart's width can tell apart) keep the answer near 2 MB of JSON instead of 9 MB, which the
 * browser parses in a fraction of the time. */
const POINT_BUDGET = 50_000;
/** Points per series at least, however many partitions. */
const MIN_POINTS = 100;

/** Points per series for a group of `partitions` partitions. */
export function pointsPerSeries(partitions: number): number {
  return Math.max(MIN_POINTS, Math.min(MAX_POINTS, Math.floor(POINT_BUDGET / Math.max(1, partitions))));
}

/** Records per second from a count over `ms`; null over no time. */
const perSecond = (count: bigint, ms: number): number | null => (ms > 0 ? Math.round((Number(count) / (ms / 1000)) * 1000) / 1000 : null);

function totalsOf(rounds: HistoryRound[]): { totals: LagHistory['totals']; rates: LagHistory['rates'] } {
  const totals: LagHistory['totals'] = [];
  let consumed = 0n;
  let produced = 0n;
  let span = 0;
  let prev: HistoryRound | null = null;
  for (const r of rounds) {
    let committed = 0n;
    // A round that saw the group without commits (listed before its first commit was visible) has
    // no lag at all, not a lag of 0: the chart shows a gap, not a false "caught up".
    let logEnd: bigint | null = r.partitions.size === 0 ? null : 0n;
    let dc = 0n;
    let de = 0n;
    for (const [key, p] of r.partitions) {
      committed += p.committed;
      logEnd = logEnd === null || p.logEnd === null ? null : logEnd + p.logEnd;
      // Movement only of partitions in both points: one that appears or goes is not traffic.
      const before = prev?.partitions.get(key);
      if (before) {
        dc += p.committed - before.committed;
        if (p.logEnd !== null && before.logEnd !== null) de += p.logEnd - before.logEnd;
      }
    }
    const ms = prev ? r.at - prev.at : 0;
    if (prev) {
      consumed += dc;
      produced += de;
      span += ms;
    }
    totals.push({
      t: r.at,
      committed: committed.toString(),
      logEnd: logEnd === null ? null : logEnd.toString(),
      lag: logEnd === null ? null : (logEnd - committed).toString(),
      consumptionRate: prev ? perSecond(dc, ms) : null,
      productionRate: prev ? perSecond(de, ms) : null,
    });
    prev = r;
  }
  return { totals, rates: { consumption: perSecond(consumed, span), production: perSecond(produced, span) } };
}

export async function groupLagHistory(clusterName: string, groupId: string, range: LagHistoryRange): Promise<LagHistory> {
  const h = historyOf(clusterName);
  if (!h) throw unavailable(`Lag history is not running for cluster "${clusterName}".`);
  const { store, sampler } = h;
  const to = store.now();
  const from = to - LAG_HISTORY_RANGE_MS[range];
  const rounds = await store.history(groupId, from, to, pointsPerSeries([...store.latestCommits(groupId)].length));
  const inLatest = store.statusOf(groupId) !== undefined;
  if (rounds.length === 0 && !inLatest) throw notFound(`Consumer group "${groupId}" has no lag samples in the last ${range} on cluster "${clusterName}".`);

  const series = new Map<string, { topic: string; partition: number; points: LagPoint[] }>();
  const seriesOf = (topic: string, partition: number) => {
    const key = tpKeyOf(topic, partition);
    let s = series.get(key);
    if (!s) series.set(key, (s = { topic, partition, points: [] }));
    return s;
  };
  for (const r of rounds) {
    for (const [key, p] of r.partitions) {
      const [topic, partition] = key.split('\u0000') as [string, string];
      seriesOf(topic, Number(partition)).points.push([r.at, p.committed.toString(), p.logEnd === null ? null : p.logEnd.toString(), p.logEnd === null ? null : (p.logEnd - p.committed).toString()]);
    }
  }
  const verdict = inLatest ? store.verdictOf(groupId) : null;
  const verdicts = new Map<string, PartitionVerdict>((verdict?.partitions ?? []).map((v) => [tpKeyOf(v.topic, v.partition), v]));
  const lagSeconds = new Map<string, number | null>();
  for (const c of store.latestCommits(groupId)) {
    seriesOf(c.topic, c.partition);
    lagSeconds.set(tpKeyOf(c.topic, c.partition), c.logEnd === null ? null : store.lagSeconds(c.p, c.committed, c.logEnd));
  }
  const partitions = [...series.values()]
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition))
    .map((s) => {
      const key = tpKeyOf(s.topic, s.partition);
      const v = verdicts.get(key);
      const seconds = lagSeconds.get(key) ?? null;
      return { ...s, verdict: v ? { status: v.status, reason: v.reason } : null, lagSeconds: seconds === null ? null : Math.round(seconds * 1000) / 1000 };
    });
  return {
    cluster: clusterName,
    groupId,
    range,
    from,
    to,
    intervalMs: sampler.intervalMs,
    members: inLatest ? store.membersOf(groupId) : null,
    verdict: verdict ? { status: verdict.status, reason: verdict.reason } : null,
    partitions,
    ...totalsOf(rounds),
  };
}
