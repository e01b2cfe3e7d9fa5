// Consumer groups: the list (state, members, topics, total lag — lag batched and computed only for
// the page unless the sort needs it), the detail (members with decoded assignments, committed
// offsets, log end, lag), the lag of the groups consuming one topic (from the group index), and
// deleting a group. Each group comes with its health from the lag history (status, reason, lag in
// seconds, recent trend: history/group-health.ts), read from memory for the rows shown only.
import 'server-only';
import { conflict, notFound, unavailable } from '../errors';
import type { TopicGroupLag } from '../../schemas/topic';
import type { TopicGroupLagBase } from '../connection/cache-keys';
import type { GroupDetail, GroupList, GroupListQuery, GroupOffset, GroupSummary } from '../../schemas/group';
import { cacheKeys, invalidate, type GroupTotals } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { groupIndex, markChanged, type GroupIndex } from '../groups/group-index';
import { commitsOf, positionOf } from '../groups/packed-commits';
import { committedOffsets, committedOffsetsOf, describeGroups, findCoordinator, listGroupIds, type Committed, type GroupDescription, type GroupListing } from '../groups/groups-data';
import { lagOf } from '../groups/reset-plan';
import { STATUS_RANK, groupHealth, groupStatuses, partitionVerdicts, topicGroupsHealth } from '../history/group-health';
import { tpKeyOf } from '../history/history-query';
import { getWatermarks, watermarkOf, type Watermarks } from '../reading/watermarks';
import { SEES_ALL, type Visibility } from '../visibility';

function totalLag(committed: Committed[], wm: Awaited<ReturnType<typeof getWatermarks>>): bigint | null {
  if (committed.length === 0) return null;
  let sum = 0n;
  for (const c of committed) {
    const w = watermarkOf(wm, c.topic, c.partition);
    if (w) sum += lagOf(c.offset, w.low, w.high) ?? 0n;
  }
  return sum;
}

function topicsOf(d: GroupDescription | undefined, committed: Committed[] | undefined): string[] {
  const s = new Set<string>(committed?.map((c) => c.topic) ?? []);
  for (const m of d?.members ?? []) for (const a of m.assignments) s.add(a.topic);
  return [...s].sort();
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function summaryOf(cluster: string, id: string, d: GroupDescription | undefined, committed: Committed[], wm: Awaited<ReturnType<typeof getWatermarks>>): GroupSummary {
  const lag = totalLag(committed, wm);
  return {
    groupId: id,
    state: d?.state ?? 'Unknown',
    protocolType: d?.protocolType ?? '',
    members: d?.members.length ?? 0,
    topics: topicsOf(d, committed),
    totalLag: lag === null ? null : lag.toString(),
    ...groupHealth(cluster, id),
  };
}

/** Values derived from one index version (lag totals, a topic's groups) are cached under that
 * version. Once a newer version is in use the older ones are dropped, instead of staying in the
 * cache (which sweeps only past 200,000 entries) with 10,000 rows each. */
const versionInUse = new WeakMap<ClusterClients, number>();
function dropOlderVersions(clients: ClusterClients, version: number): void {
  const last = versionInUse.get(clients);
  if (last !== undefined && last >= version) return;
  versionInUse.set(clients, version);
  if (last === undefined) return;
  // Prefixes made from the keys themselves. Version 1's also matches version 12's keys, but a
  // version's entries are made only once it is the one in use, after the older ones are dropped.
  clients.cache.invalidate({ prefix: cacheKeys.groupTotals(last).key });
  clients.cache.invalidate({ prefix: cacheKeys.topicGroups(last, '').key });
}

/** Every indexed group's total lag and topic count, computed once per index version and watermark
 * refresh (cached like the watermarks), so sorting 10,000 groups by lag is a sort, not 10,000 sums.
 * Straight from the packed commits: watermarks are looked up per topic and partition number in a
 * table built once per partition, not by a string key per commit (130,000 at 10,000 groups on 13
 * partitions each). */
function indexTotals(clients: ClusterClients, index: GroupIndex) {
  dropOlderVersions(clients, index.version);
  return clients.cache.get(cacheKeys.groupTotals(index.version), async () => {
    const wm = await getWatermarks(clients, index.partitions);
    const p = index.commits;
    // Per topic (by its index in the packed commits) and partition; null once looked up and absent.
    const table: (Watermarks | null | undefined)[][] = p.topics.map(() => []);
    const lastGroup = new Int32Array(p.topics.length).fill(-1);
    const totals = new Map<string, { lag: bigint | null; topics: number }>();
    p.ids.forEach((id, pos) => {
      let lag = 0n;
      let topics = 0;
      for (let j = p.start[pos]!; j < p.start[pos + 1]!; j++) {
        const t = p.topicOf[j]!;
        if (lastGroup[t] !== pos) {
          lastGroup[t] = pos;
          topics++;
        }
        const row = table[t]!;
        const partition = p.partition[j]!;
        let w = row[partition];
        if (w === undefined) row[partition] = w = watermarkOf(wm, p.topics[t]!, partition) ?? null;
        if (w) lag += lagOf(p.offset[j]!, w.low, w.high) ?? 0n;
      }
      totals.set(id, { lag: p.start[pos + 1]! === p.start[pos]! ? null : lag, topics });
    });
    return { wm, totals };
  });
}

/** The last ordering made from a set of totals, with the listing and filter it was made for: while
 * the totals last (2 s), a page of the same list re-sorts nothing. (With a state filter the order
 * also depends on descriptions, so it is not kept.) */
const sortedByTotals = new WeakMap<Map<string, unknown>, { listing: GroupListing[]; order: string; ids: string[] }>();

/** The group list. What it costs at 10,000 groups:
 * - always: one ListGroups per broker (cached 2 s);
 * - state filter or state/members sort: every listed group described, in batches per coordinator;
 *   otherwise only the page's groups are described;
 * - lag or topic-count sort: every group's offsets from the group index (group-index.ts, refreshed in
 *   the background) plus the watermarks of those partitions (batched per leader, cached per
 *   partition); otherwise only the page's groups' offsets are fetched, fresh. */
/** `visible`: groups the asker may not view are left out before counting and paging, and so are the
 * topics they may not view from each group's topics. */
export async function listGroups(clients: ClusterClients, q: GroupListQuery, visible: Visibility = SEES_ALL): Promise<GroupList> {
  const needle = q.q.toLowerCase();
  const matching = (listed: { groupId: string }[]) => listed.map((g) => g.groupId).filter((id) => id.toLowerCase().includes(needle) && visible.group(id));
  let listing = await listGroupIds(clients);
  let ids = matching(listing);
  // As for topics: a filter that finds nothing may be about a group that appeared moments ago.
  if (ids.length === 0 && needle) ids = matching((listing = await listGroupIds(clients, true)));
  const describeAll = q.state !== undefined || q.sort === 'state' || q.sort === 'members';
  const described = describeAll ? await describeGroups(clients, ids) : null;
  if (q.state) ids = ids.filter((id) => described!.get(id)?.state === q.state);
  // Statuses are in memory (the lag store judges every group after each round): filtering and
  // sorting 10,000 groups by status asks the cluster nothing.
  const statuses = q.status !== undefined || q.sort === 'status' ? groupStatuses(clients.name) : null;
  if (q.status) ids = ids.filter((id) => statuses!.get(id)?.status === q.status);
  const sign = q.dir === 'asc' ? 1 : -1;
  const total = ids.length;
  let indexed: (GroupTotals & { index: GroupIndex }) | null = null;
  if (q.sort === 'totalLag' || q.sort === 'topics') {
    const index = await groupIndex(clients);
    indexed = { index, ...(await indexTotals(clients, index)) };
    const totals = indexed.totals;
    const order = `${q.sort}\u0000${sign}\u0000${needle}\u0000${q.state ?? ''}\u0000${q.status ?? ''}\u0000${visible.key}`;
    const sorted = sortedByTotals.get(totals);
    const keep = !q.state && !q.status;
    if (sorted && sorted.listing === listing && sorted.order === order && keep) ids = sorted.ids;
    else {
      // Each key looked up once, not twice per comparison.
      const rows = ids.map((id) => {
        const t = totals.get(id);
        return { id, key: q.sort === 'topics' ? BigInt(t?.topics ?? 0) : (t?.lag ?? -1n) };
      });
      rows.sort((a, b) => sign * ((a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || byId(a.id, b.id)));
      ids = rows.map((r) => r.id);
      if (keep) sortedByTotals.set(totals, { listing, order, ids });
    }
  } else if (q.sort === 'status') {
    const rank = (id: string) => {
      const v = statuses!.get(id);
      return v ? STATUS_RANK[v.status] : 0;
    };
    const rows = ids.map((id) => ({ id, key: rank(id) }));
    rows.sort((a, b) => sign * (a.key - b.key) || byId(a.id, b.id));
    ids = rows.map((r) => r.id);
  } else if (q.sort === 'state' || q.sort === 'members') {
    const key = (id: string): string | number => {
      const d = described!.get(id);
      return q.sort === 'state' ? (d?.state ?? '') : (d?.members.length ?? 0);
    };
    ids.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return sign * ((ka < kb ? -1 : ka > kb ? 1 : 0) || byId(a, b));
    });
  } else if (sign < 0) ids.reverse(); // the listing is sorted by id already
  ids = ids.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const [pageDescribed, offsets] = await Promise.all([
    described ?? describeGroups(clients, ids),
    indexed ? new Map(ids.map((id) => [id, commitsOf(indexed.index.commits, id)])) : committedOffsetsOf(clients, ids),
  ]);
  const wm = indexed?.wm ?? (await getWatermarks(clients, ids.flatMap((id) => offsets.get(id) ?? [])));
  const items = ids.map((id) => summaryOf(clients.name, id, pageDescribed.get(id), offsets.get(id) ?? [], wm));
  if (visible !== SEES_ALL) for (const item of items) item.topics = item.topics.filter((t) => visible.topic(t));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** `visible`: offsets and assignments of topics the asker may not view are left out (and out of the totals). */
export async function getGroup(clients: ClusterClients, groupId: string, visible: Visibility = SEES_ALL): Promise<GroupDetail> {
  const [described, committed] = await Promise.all([describeGroups(clients, [groupId]), committedOffsets(clients, groupId)]);
  const d = described.get(groupId);
  if (d?.error) throw unavailable(`The coordinator of "${groupId}" answered ${d.error}.`);
  if (!d || (d.state === 'Dead' && committed.length === 0 && d.members.length === 0)) throw notFound(`Consumer group "${groupId}" does not exist.`);
  const assignedTo = new Map<string, string>();
  for (const m of d.members) for (const a of m.assignments) for (const p of a.partitions) assignedTo.set(`${a.topic}\u0000${p}`, m.memberId);
  const rows = new Map<string, { topic: string; partition: number; committed: bigint | null }>();
  for (const c of committed) rows.set(`${c.topic}\u0000${c.partition}`, { ...c, committed: c.offset });
  for (const key of assignedTo.keys()) {
    if (!rows.has(key)) {
      const [topic, p] = key.split('\u0000') as [string, string];
      rows.set(key, { topic, partition: Number(p), committed: null });
    }
  }
  const list = [...rows.values()].filter((r) => visible.topic(r.topic)).sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const wm = await getWatermarks(clients, list);
  const verdicts = partitionVerdicts(clients.name, groupId);
  let lag = 0n;
  const offsets: GroupOffset[] = list.map((r) => {
    const v = verdicts.get(tpKeyOf(r.topic, r.partition));
    const known = watermarkOf(wm, r.topic, r.partition);
    const w = known ?? { low: 0n, high: 0n };
    // No lag when the log end is not known: 0 - committed would be a false anomaly.
    const l = known ? lagOf(r.committed, w.low, w.high) : null;
    if (l !== null) lag += l;
    return {
      topic: r.topic,
      partition: r.partition,
      committed: r.committed === null ? null : r.committed.toString(),
      logStart: w.low.toString(),
      logEnd: w.high.toString(),
      lag: l === null ? null : l.toString(),
      memberId: assignedTo.get(`${r.topic}\u0000${r.partition}`) ?? null,
      status: v?.status ?? null,
      statusReason: v?.reason ?? null,
    };
  });
  const coordinator = await clients.lanes.interactive
    .run((c) => findCoordinator(c, groupId))
    .then((m) => ({ id: m.nodeId, host: m.host, port: m.port }))
    .catch(() => null);
  return {
    groupId,
    state: d.state,
    protocolType: d.protocolType,
    protocol: d.protocol,
    coordinator,
    members: visible === SEES_ALL ? d.members : d.members.map((m) => ({ ...m, assignments: m.assignments.filter((a) => visible.topic(a.topic)) })),
    offsets,
    totals: { lag: lag.toString(), partitions: offsets.length, topics: new Set(offsets.map((o) => o.topic)).size },
    ...groupHealth(clients.name, groupId),
  };
}

/** The groups with commits on `topic` and their lag on it: which groups, and their offsets, come
 * from the group index (never one request per group per page view); their state from one batched
 * describe; the watermarks are the topic's own. */
export async function groupsConsumingTopic(clients: ClusterClients, topic: string): Promise<TopicGroupLag[]> {
  const rows = await topicGroupLags(clients, topic);
  // Health changes with every sampler round, so it is added after the cache, from memory.
  const health = topicGroupsHealth(clients.name, topic, rows.map((r) => r.groupId));
  return rows.map((r) => ({ ...r, ...health.get(r.groupId)! }));
}

async function topicGroupLags(clients: ClusterClients, topic: string): Promise<TopicGroupLagBase[]> {
  const index = await groupIndex(clients);
  dropOlderVersions(clients, index.version);
  // Cached like its inputs (2 s): a topic consumed by 10,000 groups is computed once, not per view.
  return clients.cache.get(cacheKeys.topicGroups(index.version, topic), async () => {
    const ids = index.byTopic.get(topic) ?? [];
    if (ids.length === 0) return [];
    const p = index.commits;
    const t = p.topics.indexOf(topic);
    // Each group's commits on the topic, as positions in the packed commits.
    const ranges = ids.map((id): [number, number] => {
      const pos = positionOf(p, id);
      return pos < 0 ? [0, 0] : [p.start[pos]!, p.start[pos + 1]!];
    });
    const partitions = new Set<number>();
    for (const [from, to] of ranges) for (let j = from; j < to; j++) if (p.topicOf[j] === t) partitions.add(p.partition[j]!);
    const [described, wm] = await Promise.all([
      describeGroups(clients, ids),
      getWatermarks(clients, [...partitions].map((partition) => ({ topic, partition }))),
    ]);
    // The topic's watermarks by partition number: one lookup per partition, not per commit.
    const byPartition: (Watermarks | undefined)[] = [];
    for (const partition of partitions) byPartition[partition] = watermarkOf(wm, topic, partition);
    return ids.map((id, i) => {
      let lag: bigint | null = null;
      const [from, to] = ranges[i]!;
      for (let j = from; j < to; j++) {
        if (p.topicOf[j] !== t) continue;
        const w = byPartition[p.partition[j]!];
        lag = (lag ?? 0n) + (w ? (lagOf(p.offset[j]!, w.low, w.high) ?? 0n) : 0n);
      }
      return { groupId: id, state: described.get(id)?.state ?? 'Unknown', lag: lag === null ? null : lag.toString() };
    });
  });
}

export async function deleteGroup(clients: ClusterClients, groupId: string): Promise<void> {
  const d = (await describeGroups(clients, [groupId])).get(groupId);
  if (d && d.members.length > 0) throw conflict(`Consumer group "${groupId}" still has ${d.members.length} active member(s); stop its consumers first.`);
  const committed = await committedOffsets(clients, groupId);
  if (!d || (d.state === 'Dead' && committed.length === 0)) throw notFound(`Consumer group "${groupId}" does not exist.`);
  await clients.writes.admin((admin) => admin.deleteGroups([groupId]));
  invalidate.group(clients.cache, groupId);
  markChanged(clients, groupId);
}
