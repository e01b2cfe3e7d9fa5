// Consumer groups: the list (state, members, topics, total lag — lag batched and computed only for
// the page unless the sort needs it), the detail (members with decoded assignments, committed
// offsets, log end, lag), the lag of the groups consuming one topic, and deleting a group.
import { conflict, notFound } from '../../http/problem';
import type { TopicGroupLagSchema } from '../../schemas/topic';
import type { GroupDetail, GroupList, GroupListQuery, GroupOffset, GroupSummary } from '../../schemas/group';
import type { z } from 'zod';
import type { KafkaClients } from '../clients';
import { committedOffsets, committedOffsetsOf, describeGroups, invalidateGroup, listGroupIds, type Committed, type GroupDescription } from '../groups-data';
import { lagOf } from '../reset-plan';
import { getWatermarks, watermarkOf } from '../watermarks';

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

async function summaries(clients: KafkaClients, ids: string[], described: Map<string, GroupDescription>): Promise<Map<string, GroupSummary>> {
  const offsets = await committedOffsetsOf(clients, ids);
  const wm = await getWatermarks(clients, [...offsets.values()].flat());
  const out = new Map<string, GroupSummary>();
  for (const id of ids) {
    const d = described.get(id);
    const lag = totalLag(offsets.get(id) ?? [], wm);
    out.set(id, {
      groupId: id,
      state: d?.state ?? 'Unknown',
      protocolType: d?.protocolType ?? '',
      members: d?.members.length ?? 0,
      topics: topicsOf(d, offsets.get(id)),
      totalLag: lag === null ? null : lag.toString(),
    });
  }
  return out;
}

export async function listGroups(clients: KafkaClients, q: GroupListQuery): Promise<GroupList> {
  const needle = q.q.toLowerCase();
  const listed = (await listGroupIds(clients)).filter((g) => g.groupId.toLowerCase().includes(needle));
  const described = await describeGroups(clients, listed.map((g) => g.groupId));
  let ids = listed.map((g) => g.groupId).filter((id) => !q.state || described.get(id)?.state === q.state);
  const sign = q.dir === 'asc' ? 1 : -1;
  const total = ids.length;
  let rows: Map<string, GroupSummary> | null = null;
  if (q.sort === 'totalLag' || q.sort === 'topics') {
    // These sorts need every group's offsets; other sorts fetch offsets for the page only.
    rows = await summaries(clients, ids, described);
    const r = rows;
    const lagKey = (id: string) => BigInt(r.get(id)!.totalLag ?? '-1');
    ids.sort((a, b) => {
      const d = q.sort === 'topics' ? r.get(a)!.topics.length - r.get(b)!.topics.length : lagKey(a) < lagKey(b) ? -1 : lagKey(a) > lagKey(b) ? 1 : 0;
      return sign * (d || a.localeCompare(b));
    });
  } else {
    const key = (id: string): string | number => {
      const d = described.get(id);
      return q.sort === 'state' ? (d?.state ?? '') : q.sort === 'members' ? (d?.members.length ?? 0) : id;
    };
    ids.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return sign * ((ka < kb ? -1 : ka > kb ? 1 : 0) || a.localeCompare(b));
    });
  }
  ids = ids.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  rows ??= await summaries(clients, ids, described);
  return { items: ids.map((id) => rows.get(id)!), total, page: q.page, pageSize: q.pageSize };
}

export async function getGroup(clients: KafkaClients, groupId: string): Promise<GroupDetail> {
  const [described, committed] = await Promise.all([describeGroups(clients, [groupId]), committedOffsets(clients, groupId)]);
  const d = described.get(groupId);
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
  const coordinator = await clients.readers
    .use((c) => c.findGroupCoordinatorMetadata({ groupId }))
    .then((m) => ({ id: m.coordinator.nodeId, host: m.coordinator.host, port: m.coordinator.port }))
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

/** The groups with commits on `topic` and their lag on it: one offset fetch per group, bounded and cached. */
export async function groupsConsumingTopic(clients: KafkaClients, topic: string): Promise<z.infer<typeof TopicGroupLagSchema>[]> {
  const ids = (await listGroupIds(clients)).map((g) => g.groupId);
  const offsets = await committedOffsetsOf(clients, ids);
  const consuming = ids.filter((id) => offsets.get(id)!.some((c) => c.topic === topic));
  if (consuming.length === 0) return [];
  const [described, wm] = await Promise.all([
    describeGroups(clients, consuming),
    getWatermarks(clients, consuming.flatMap((id) => offsets.get(id)!.filter((c) => c.topic === topic))),
  ]);
  return consuming.map((id) => {
    const lag = totalLag(offsets.get(id)!.filter((c) => c.topic === topic), wm);
    return { groupId: id, state: described.get(id)?.state ?? 'Unknown', lag: lag === null ? null : lag.toString() };
  });
}

export async function deleteGroup(clients: KafkaClients, groupId: string): Promise<void> {
  const d = (await describeGroups(clients, [groupId])).get(groupId);
  if (d && d.members.length > 0) throw conflict(`Consumer group "${groupId}" still has ${d.members.length} active member(s); stop its consumers first.`);
  const committed = await committedOffsets(clients, groupId);
  if (!d || (d.state === 'Dead' && committed.length === 0)) throw notFound(`Consumer group "${groupId}" does not exist.`);
  const admin = await clients.admin();
  await admin.deleteGroups([groupId]);
  invalidateGroup(clients, groupId);
}
