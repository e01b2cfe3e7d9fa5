// Consumer groups: the list (state, members, topics, total lag — lag batched and computed only for
// the page unless the sort needs it), the detail (members with decoded assignments, committed
// offsets, log end, lag), the lag of the groups consuming one topic (from the group index), and
// deleting a group.
import 'server-only';
import { conflict, notFound, unavailable } from '../errors';
import type { TopicGroupLag } from '../../schemas/topic';
import type { GroupDetail, GroupList, GroupListQuery, GroupOffset, GroupSummary } from '../../schemas/group';
import { cacheKeys, invalidate, type GroupTotals } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { groupIndex, markChanged, type GroupIndex } from '../groups/group-index';
import { committedOffsets, committedOffsetsOf, describeGroups, findCoordinator, listGroupIds, type Committed, type GroupDescription } from '../groups/groups-data';
import { lagOf } from '../groups/reset-plan';
import { getWatermarks, watermarkOf } from '../reading/watermarks';

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

function summaryOf(id: string, d: GroupDescription | undefined, committed: Committed[], wm: Awaited<ReturnType<typeof getWatermarks>>): GroupSummary {
  const lag = totalLag(committed, wm);
  return {
    groupId: id,
    state: d?.state ?? 'Unknown',
    protocolType: d?.protocolType ?? '',
    members: d?.members.length ?? 0,
    topics: topicsOf(d, committed),
    totalLag: lag === null ? null : lag.toString(),
  };
}

/** Every indexed group's total lag and topic count, computed once per index version and watermark
 * refresh (cached like the watermarks), so sorting 10,000 groups by lag is a sort, not 10,000 sums. */
function indexTotals(clients: ClusterClients, index: GroupIndex) {
  return clients.cache.get(cacheKeys.groupTotals(index.version), async () => {
    const wm = await getWatermarks(clients, index.partitions);
    const totals = new Map<string, { lag: bigint | null; topics: number }>();
    for (const [id, committed] of index.offsets) totals.set(id, { lag: totalLag(committed, wm), topics: new Set(committed.map((c) => c.topic)).size });
    return { wm, totals };
  });
}

/** The group list. What it costs at 10,000 groups:
 * - always: one ListGroups per broker (cached 2 s);
 * - state filter or state/members sort: every listed group described, in batches per coordinator;
 *   otherwise only the page's groups are described;
 * - lag or topic-count sort: every group's offsets from the group index (group-index.ts, refreshed in
 *   the background) plus the watermarks of those partitions (batched per leader, cached per
 *   partition); otherwise only the page's groups' offsets are fetched, fresh. */
export async function listGroups(clients: ClusterClients, q: GroupListQuery): Promise<GroupList> {
  const needle = q.q.toLowerCase();
  const matching = (listed: { groupId: string }[]) => listed.map((g) => g.groupId).filter((id) => id.toLowerCase().includes(needle));
  let ids = matching(await listGroupIds(clients));
  // As for topics: a filter that finds nothing may be about a group that appeared moments ago.
  if (ids.length === 0 && needle) ids = matching(await listGroupIds(clients, true));
  const describeAll = q.state !== undefined || q.sort === 'state' || q.sort === 'members';
  const described = describeAll ? await describeGroups(clients, ids) : null;
  if (q.state) ids = ids.filter((id) => described!.get(id)?.state === q.state);
  const sign = q.dir === 'asc' ? 1 : -1;
  const total = ids.length;
  let indexed: (GroupTotals & { index: GroupIndex }) | null = null;
  if (q.sort === 'totalLag' || q.sort === 'topics') {
    const index = await groupIndex(clients);
    indexed = { index, ...(await indexTotals(clients, index)) };
    const totals = indexed.totals;
    const keyOf = (id: string) => (q.sort === 'topics' ? BigInt(totals.get(id)?.topics ?? 0) : (totals.get(id)?.lag ?? -1n));
    ids.sort((a, b) => {
      const ka = keyOf(a);
      const kb = keyOf(b);
      return sign * ((ka < kb ? -1 : ka > kb ? 1 : 0) || byId(a, b));
    });
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
    indexed ? new Map(ids.map((id) => [id, indexed.index.offsets.get(id) ?? []])) : committedOffsetsOf(clients, ids),
  ]);
  const wm = indexed?.wm ?? (await getWatermarks(clients, ids.flatMap((id) => offsets.get(id) ?? [])));
  return { items: ids.map((id) => summaryOf(id, pageDescribed.get(id), offsets.get(id) ?? [], wm)), total, page: q.page, pageSize: q.pageSize };
}

export async function getGroup(clients: ClusterClients, groupId: string): Promise<GroupDetail> {
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
  const list = [...rows.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const wm = await getWatermarks(clients, list);
  let lag = 0n;
  const offsets: GroupOffset[] = list.map((r) => {
    const w = watermarkOf(wm, r.topic, r.partition) ?? { low: 0n, high: 0n };
    const l = lagOf(r.committed, w.low, w.high);
    if (l !== null) lag += l;
    return {
      topic: r.topic,
      partition: r.partition,
      committed: r.committed === null ? null : r.committed.toString(),
      logStart: w.low.toString(),
      logEnd: w.high.toString(),
      lag: l === null ? null : l.toString(),
      memberId: assignedTo.get(`${r.topic}\u0000${r.partition}`) ?? null,
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
    members: d.members,
    offsets,
    totals: { lag: lag.toString(), partitions: offsets.length, topics: new Set(offsets.map((o) => o.topic)).size },
  };
}

/** The groups with commits on `topic` and their lag on it: which groups, and their offsets, come
 * from the group index (never one request per group per page view); their state from one batched
 * describe; the watermarks are the topic's own. */
export async function groupsConsumingTopic(clients: ClusterClients, topic: string): Promise<TopicGroupLag[]> {
  const index = await groupIndex(clients);
  // Cached like its inputs (2 s): a topic consumed by 10,000 groups is computed once, not per view.
  return clients.cache.get(cacheKeys.topicGroups(index.version, topic), async () => {
    const ids = index.byTopic.get(topic) ?? [];
    if (ids.length === 0) return [];
    const committed = new Map(ids.map((id) => [id, (index.offsets.get(id) ?? []).filter((c) => c.topic === topic)]));
    const partitions = [...new Set([...committed.values()].flatMap((list) => list.map((c) => c.partition)))];
    const [described, wm] = await Promise.all([
      describeGroups(clients, ids),
      getWatermarks(clients, partitions.map((partition) => ({ topic, partition }))),
    ]);
    return ids.map((id) => {
      const lag = totalLag(committed.get(id)!, wm);
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
