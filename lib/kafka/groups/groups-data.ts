// Consumer-group data shared by the group pages, the topic page, the reset wizard and the group
// index. Built to stay fast at 10,000+ groups, where the peers send one request per group per page:
// - Listing: one ListGroups to every live broker at once. Each broker lists the groups it
//   coordinates, so the listing also tells each group's coordinator — no FindCoordinator per group.
//   A broker that does not answer leaves its groups out instead of failing the list.
// - Descriptions: DescribeGroups takes many ids per request; ids go to their coordinator in chunks,
//   and each group's description is cached on its own, so overlapping pages share them.
// - Committed offsets: one OffsetFetch (all topics) per group at the coordinator, many concurrently
//   with a bound, each group cached on its own; the group index asks many groups per request where
//   the broker can (OffsetFetch v8, Kafka 3.0+).
// Requests go through a group-less reader's broker connections with error codes read as values
// (raw-requests.ts), so one group's error is that group's, not the page's. Everything is cached for
// a couple of seconds with in-flight de-duplication (TtlCache).
import 'server-only';
import type { z } from 'zod';
import { errorName } from '../../common/kafka-error-codes';
import { unavailable } from '../errors';
import { GroupState } from '../../schemas/group';
import { decodeAssignment, type Assignment } from './assignment';
import { mapBounded } from '../connection/cache';
import { cacheKeys, invalidate } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import type { RawBroker, RawCluster } from '../connection/kafkajs-types';
import { loadBrokers } from '../reading/metadata-subsets';
import { describeGroupsOn, fetchGroupOffsets, fetchOffsetsOfGroups, listGroupsOn, type OffsetFetchAnswer } from '../connection/raw-requests';
import { brokerOn, fetchBrokersOnly } from '../reading/reader-broker';

/** Ids per DescribeGroups request (Kafka sets no limit; this keeps one answer a few hundred KB). */
const DESCRIBE_CHUNK = 500;
/** OffsetFetch requests in flight at once, over all coordinators. */
export const OFFSET_FETCH_CONCURRENCY = 64;

export interface GroupListing {
  groupId: string;
  protocolType: string;
  /** The broker that listed it, which is its coordinator. */
  coordinator: number;
}
export interface GroupDescription {
  groupId: string;
  state: z.infer<typeof GroupState>;
  protocolType: string;
  protocol: string;
  members: { memberId: string; clientId: string; host: string; assignments: Assignment }[];
  /** Set when the coordinator answered this group with an error (its name). */
  error?: string;
}
export interface Committed {
  topic: string;
  partition: number;
  offset: bigint;
}

export function listGroupIds(clients: ClusterClients, fresh = false): Promise<GroupListing[]> {
  if (fresh) invalidate.groupList(clients.cache);
  return clients.cache.get(cacheKeys.groupList(), async () => {
    // The brokers only: listing groups needs no topic (metadata-subsets.ts).
    const meta = await loadBrokers(clients);
    const failures: unknown[] = [];
    const perBroker = await clients.lanes.interactive.run((cluster) =>
      Promise.all(
        meta.brokers.map(async (b) => {
          try {
            const res = await listGroupsOn(await brokerOn(cluster, b.id));
            if (res.errorCode !== 0) throw unavailable(`Broker ${b.id} answered ListGroups with ${errorName(res.errorCode)}.`);
            return res.groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? '', coordinator: b.id }));
          } catch (err) {
            failures.push(err);
            return [];
          }
        }),
      ),
    );
    if (failures.length === meta.brokers.length && failures.length > 0) throw failures[0];
    // Sorted by id; a group listed twice (its coordinator moving) keeps the first broker's line, the
    // sort being stable. Without a map: at 10,000 groups each map is half a megabyte.
    const listed: GroupListing[] = [];
    for (const g of perBroker.flat().sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0))) {
      if (listed.at(-1)?.groupId !== g.groupId) listed.push(g);
    }
    // The same listing as last time is the last listing itself (it rarely changes; nothing new is kept).
    const last = lastListings.get(clients);
    if (last && sameListing(last, listed)) return last;
    lastListings.set(clients, listed);
    return listed;
  });
}

const lastListings = new WeakMap<ClusterClients, GroupListing[]>();
const sameListing = (a: GroupListing[], b: GroupListing[]) =>
  a.length === b.length && a.every((x, i) => x.groupId === b[i]!.groupId && x.coordinator === b[i]!.coordinator && x.protocolType === b[i]!.protocolType);

/** Each listed group's coordinator. Read before taking a reader: readers are never nested (a full
 * pool of callers each waiting for a second reader would wait forever). */
async function listedCoordinators(clients: ClusterClients): Promise<Map<string, number>> {
  return new Map((await listGroupIds(clients).catch(() => [] as GroupListing[])).map((g) => [g.groupId, g.coordinator]));
}

/** Coordinators of `ids`: from the listing, else (a group not listed yet, or unknown) FindCoordinator. */
async function coordinatorsOf(listed: Map<string, number>, cluster: RawCluster, ids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unknown: string[] = [];
  for (const id of ids) {
    const c = listed.get(id);
    if (c === undefined) unknown.push(id);
    else out.set(id, c);
  }
  await mapBounded(unknown, 8, async (id) => out.set(id, (await findCoordinator(cluster, id)).nodeId));
  return out;
}

/** FindCoordinator for one group. A reader that has not loaded metadata yet knows no broker to ask;
 * kafkajs then throws, so it learns the brokers (no topics: reader-broker.ts) and asks again. */
export async function findCoordinator(cluster: RawCluster, groupId: string): Promise<{ nodeId: number; host: string; port: number }> {
  try {
    return (await cluster.findGroupCoordinatorMetadata({ groupId })).coordinator;
  } catch (err) {
    if ((err as { name?: string }).name !== 'KafkaJSBrokerNotFound') throw err;
    await fetchBrokersOnly(cluster);
    return (await cluster.findGroupCoordinatorMetadata({ groupId })).coordinator;
  }
}

function byCoordinator(ids: string[], coordinators: Map<string, number>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const id of ids) {
    const c = coordinators.get(id)!;
    const list = out.get(c);
    if (list) list.push(id);
    else out.set(c, [id]);
  }
  return out;
}

const toState = (s: string): GroupDescription['state'] => {
  const r = GroupState.safeParse(s === 'AwaitingSync' ? 'CompletingRebalance' : s);
  return r.success ? r.data : 'Unknown';
};

export async function describeGroups(clients: ClusterClients, ids: string[]): Promise<Map<string, GroupDescription>> {
  return clients.cache.getMany(cacheKeys.groupDescriptions, ids, async (wanted) => {
      const listed = await listedCoordinators(clients);
      return clients.lanes.interactive.run(async (cluster) => {
        const coordinators = await coordinatorsOf(listed, cluster, wanted);
        const chunks: [number, string[]][] = [];
        for (const [node, list] of byCoordinator(wanted, coordinators)) {
          for (let i = 0; i < list.length; i += DESCRIBE_CHUNK) chunks.push([node, list.slice(i, i + DESCRIBE_CHUNK)]);
        }
        const out = new Map<string, GroupDescription>();
        await mapBounded(chunks, 8, async ([node, chunk]) => {
          const { groups } = await describeGroupsOn(await brokerOn(cluster, node), chunk);
          for (const g of groups) {
            out.set(g.groupId, {
              groupId: g.groupId,
              state: g.errorCode === 0 ? toState(g.state) : 'Unknown',
              protocolType: g.protocolType ?? '',
              protocol: g.protocol ?? '',
              members: g.members.map((m) => ({
                memberId: m.memberId,
                clientId: m.clientId,
                host: m.clientHost,
                assignments: g.protocolType === 'consumer' ? decodeAssignment(m.memberAssignment) : [],
              })),
              ...(g.errorCode !== 0 && { error: errorName(g.errorCode) }),
            });
          }
        });
        return out;
      });
  });
}

/** Committed offsets of one group, asked of `node` (its coordinator); negative ones (kafkajs' -1/-2
 * markers, "nothing committed") are left out. */
export async function fetchCommitted(cluster: RawCluster, node: number, groupId: string): Promise<Committed[]> {
  return committedOn(await brokerOn(cluster, node), groupId);
}

/** The same, of a broker already looked up. */
export async function committedOn(broker: RawBroker, groupId: string): Promise<Committed[]> {
  return commitsOf(groupId, await fetchGroupOffsets(broker, groupId));
}

/** What a caller already holds of a group's commits, to compare an answer with in place. */
export interface KnownCommits {
  count: number;
  /** Whether the i-th commit is this one. */
  matches(i: number, topic: string, partition: number, offset: bigint): boolean;
}

/** The group's committed offsets, or null when they are exactly `known`. The group index asks
 * 10,000 groups every few seconds and most have not moved: comparing the answer in place builds
 * nothing for them, where building each list to compare it left ~10 MB per rebuild behind. */
export async function committedUnlessKnown(broker: RawBroker, groupId: string, known: KnownCommits | undefined): Promise<Committed[] | null> {
  const res = await fetchGroupOffsets(broker, groupId);
  if (known && !res.errorCode && matchesKnown(res, known)) return null;
  return commitsOf(groupId, res);
}

/** committedUnlessKnown for many groups of one coordinator in one request (OffsetFetch v8), in the
 * order of `groupIds`; a group whose answer is an error gets the error. Null when the broker can
 * only answer one group per request (before Kafka 3.0): the caller asks per group then. */
export async function committedOfGroupsUnlessKnown(
  broker: RawBroker,
  groupIds: string[],
  knownOf: (index: number) => KnownCommits | undefined,
): Promise<(Committed[] | null | Error)[] | null> {
  const answers = await fetchOffsetsOfGroups(broker, groupIds);
  if (!answers) return null;
  const byId = new Map(answers.map((a) => [a.groupId, a]));
  return groupIds.map((id, i) => {
    const res = byId.get(id);
    if (!res) return unavailable(`The coordinator left "${id}" out of its answer.`);
    if (res.errorCode) return unavailable(`The coordinator of "${id}" answered ${errorName(res.errorCode)}.`);
    const known = knownOf(i);
    return known && sameCommits(res.commits, known) ? null : res.commits;
  });
}

function sameCommits(commits: readonly Committed[], known: KnownCommits): boolean {
  if (commits.length !== known.count) return false;
  for (let i = 0; i < commits.length; i++) {
    const c = commits[i]!;
    if (!known.matches(i, c.topic, c.partition, c.offset)) return false;
  }
  return true;
}

/** The committed offsets of `groupIds`, all coordinated by `broker`: many groups per request where
 * it can (`perRequest` each, `inFlight` requests at once), else one group per request. A group whose
 * answer is an error is left out. */
export async function committedAt(broker: RawBroker, groupIds: string[], opts: { perRequest: number; inFlight: number; signal?: AbortSignal }): Promise<Map<string, Committed[]>> {
  const out = new Map<string, Committed[]>();
  const chunks: string[][] = [];
  for (let i = 0; i < groupIds.length; i += opts.perRequest) chunks.push(groupIds.slice(i, i + opts.perRequest));
  let oneByOne = false;
  await mapBounded(chunks, opts.inFlight, async (ids) => {
    if (opts.signal?.aborted || oneByOne) return;
    const answers = await committedOfGroupsUnlessKnown(broker, ids, () => undefined);
    if (answers === null) oneByOne = true;
    else answers.forEach((c, k) => c instanceof Error || c === null || out.set(ids[k]!, c));
  });
  if (oneByOne) {
    await mapBounded(groupIds, OFFSET_FETCH_CONCURRENCY, async (id) => {
      if (opts.signal?.aborted) return;
      out.set(id, await committedOn(broker, id).catch(() => []));
    });
  }
  return out;
}

/** A partition of an OffsetFetch answer that holds a commit: no error, and not negative (kafkajs'
 * -1/-2 markers, "nothing committed"). */
const isCommit = (p: { errorCode: number; offset: string }) => p.errorCode === 0 && !p.offset.startsWith('-');

function commitsOf(groupId: string, res: OffsetFetchAnswer): Committed[] {
  if (res.errorCode) throw unavailable(`The coordinator of "${groupId}" answered ${errorName(res.errorCode)}.`);
  const out: Committed[] = [];
  for (const t of res.responses) {
    for (const p of t.partitions) if (isCommit(p)) out.push({ topic: t.topic, partition: p.partition, offset: BigInt(p.offset) });
  }
  return out;
}

function matchesKnown(res: OffsetFetchAnswer, known: KnownCommits): boolean {
  let i = 0;
  for (const t of res.responses) {
    for (const p of t.partitions) {
      if (!isCommit(p)) continue;
      if (i >= known.count || !known.matches(i, t.topic, p.partition, BigInt(p.offset))) return false;
      i++;
    }
  }
  return i === known.count;
}

/** Committed offsets of many groups: each group at its coordinator, concurrently with a bound. A
 * group whose coordinator does not answer has no offsets in the result. */
export async function committedOffsetsOf(clients: ClusterClients, groupIds: string[]): Promise<Map<string, Committed[]>> {
  const cached = await clients.cache.getMany(cacheKeys.groupOffsets, groupIds, async (wanted) => {
      const listed = await listedCoordinators(clients);
      return clients.lanes.interactive.run(async (cluster) => {
        const coordinators = await coordinatorsOf(listed, cluster, wanted);
        const out = new Map<string, Committed[]>();
        await mapBounded(wanted, OFFSET_FETCH_CONCURRENCY, async (id) => {
          const c = await fetchCommitted(cluster, coordinators.get(id)!, id).catch(() => null);
          if (c) out.set(id, c);
        });
        return out;
      });
  });
  return new Map(groupIds.map((id) => [id, cached.get(id) ?? []]));
}

/** Committed offsets of one group; unlike the batch, a coordinator that does not answer is an error. */
export async function committedOffsets(clients: ClusterClients, groupId: string): Promise<Committed[]> {
  return clients.cache.get(cacheKeys.groupCommitted(groupId), async () => {
    const listed = await listedCoordinators(clients);
    return clients.lanes.interactive.run(async (cluster) => {
      const node = (await coordinatorsOf(listed, cluster, [groupId])).get(groupId)!;
      return fetchCommitted(cluster, node, groupId);
    });
  });
}

