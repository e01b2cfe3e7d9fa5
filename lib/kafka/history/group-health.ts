// A group's health as the group pages show it beside Kafka's own numbers: the verdict (status and
// one-line reason, per group and per partition), the lag in seconds and a short trend of the total
// lag, all from the lag store's recent window in memory (recent-window.ts), never from the cluster
// and never from the files, so the group list pays for its page's rows only. Before the sampler has
// seen a group (or with the history off) the status is null and the reason says why.
import 'server-only';
import { historyOf } from './history';
import { tpKeyOf } from './history-query';
import { worse, type Status, type Verdict } from './verdicts';

export const NO_HISTORY_YET = 'no history yet';
export const HISTORY_OFF = 'lag history is off';

export interface GroupHealth {
  status: Status | null;
  statusReason: string;
  /** Seconds from the record at the committed offset to the newest record, the worst partition's
   * (null when one partition's cannot be told). */
  lagSeconds: number | null;
  /** Total lag at each recent sample, oldest first (decimal strings). */
  lagTrend: string[];
}

/** Severity order for sorting: no status first, then OK .. ERROR. */
export const STATUS_RANK: Record<Status, number> = { OK: 1, WARN: 2, STALL: 3, STOP: 4, REWIND: 5, ERROR: 6 };

const none = (reason: string): GroupHealth => ({ status: null, statusReason: reason, lagSeconds: null, lagTrend: [] });

/** Every group's status after the latest round of `cluster` (empty with the history off). */
export function groupStatuses(cluster: string): ReadonlyMap<string, Verdict> {
  return historyOf(cluster)?.store.statuses() ?? new Map();
}

/** The group's health; with `topic`, judged on that topic's partitions only (the topic page). */
export function groupHealth(cluster: string, group: string, topic?: string): GroupHealth {
  const h = historyOf(cluster);
  if (!h) return none(HISTORY_OFF);
  const { store } = h;
  const verdict = store.statusOf(group);
  if (!verdict) return none(NO_HISTORY_YET);
  let status: Status | null = verdict.status;
  let statusReason = verdict.reason;
  if (topic !== undefined) {
    const mine = store.verdictOf(group).partitions.filter((p) => p.topic === topic);
    if (mine.length === 0) return none(NO_HISTORY_YET);
    let worst = mine[0]!;
    for (const p of mine) if (worse(worst.status, p.status) !== worst.status) worst = p;
    status = worst.status;
    statusReason = `${worst.topic}-${worst.partition}: ${worst.reason}`;
  }
  // The worst partition's; unknown when a partition that is behind cannot be told (0 from the
  // others would read as caught up).
  let lagSeconds: number | null = null;
  let unknown = false;
  for (const c of store.latestCommits(group)) {
    if (topic !== undefined && c.topic !== topic) continue;
    const s = c.logEnd === null ? null : c.committed >= c.logEnd ? 0 : store.lagSeconds(c.p, c.committed, c.logEnd);
    if (s === null) unknown = true;
    else if (lagSeconds === null || s > lagSeconds) lagSeconds = s;
  }
  if (unknown) lagSeconds = null;
  // The trend: per sample time, the sum over the partitions known at that time.
  const byTime = new Map<number, bigint>();
  for (const s of store.recentSeries(group)) {
    if (topic !== undefined && s.topic !== topic) continue;
    for (const p of s.points) {
      if (p.committed === null || p.logEnd === null) continue;
      byTime.set(p.t, (byTime.get(p.t) ?? 0n) + (p.logEnd - p.committed));
    }
  }
  const lagTrend = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v.toString());
  return { status, statusReason, lagSeconds: lagSeconds === null ? null : Math.round(lagSeconds * 1000) / 1000, lagTrend };
}

/** Each partition's verdict, by `topic NUL partition` (empty before the sampler has seen the group). */
export function partitionVerdicts(cluster: string, group: string): Map<string, Verdict> {
  const h = historyOf(cluster);
  if (!h || !h.store.statusOf(group)) return new Map();
  return new Map(h.store.verdictOf(group).partitions.map((p) => [tpKeyOf(p.topic, p.partition), { status: p.status, reason: p.reason }]));
}

/** The last topic-page answer per store, kept until the next round: a topic consumed by 10,000 groups
 * is judged once per round, not once per view. */
const topicMemo = new WeakMap<object, { at: number | null; topic: string; health: Map<string, GroupHealth> }>();

/** The health of each of `groups` on `topic` (the topic page). */
export function topicGroupsHealth(cluster: string, topic: string, groups: readonly string[]): Map<string, GroupHealth> {
  const h = historyOf(cluster);
  if (!h) return new Map(groups.map((g) => [g, none(HISTORY_OFF)]));
  const memo = topicMemo.get(h.store);
  let health = memo && memo.at === h.store.latestAt && memo.topic === topic ? memo.health : null;
  if (!health) {
    health = new Map();
    topicMemo.set(h.store, { at: h.store.latestAt, topic, health });
  }
  for (const g of groups) if (!health.has(g)) health.set(g, groupHealth(cluster, g, topic));
  return health;
}
