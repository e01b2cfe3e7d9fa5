// Consumer-group data shared by the group pages, the topic page, the reset wizard and the group
// index. Built to stay fast at 10,000+ groups, where the peers send one request per group per page:
// - Listing: one ListGroups to every live broker at once. Each broker lists the groups it
//   coordinates, so the listing also tells each group's coordinator — no FindCoordinator per group.
//   A broker that does not answer leaves its groups out instead of failing the list.
// - Descriptions: DescribeGroups takes many ids per request; ids go to their coordinator in chunks,
//   and each group's description is cached on its own, so overlapping pages share them.
// - Committed offsets: one OffsetFetch (all topics) per group at the coordinator, many concurrently
//   with a bound, each group cached on its own.
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
import type { RawCluster } from '../connection/kafkajs-types';
import { loadMetadata } from '../reading/metadata';
import { describeGroupsOn, fetchGroupOffsets, listGroupsOn } from '../connection/raw-requests';
import { brokerFor } from '../connection/captured-cluster';

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
    const meta = await loadMetadata(clients);
    const failures: unknown[] = [];
    const perBroker = await clients.lanes.interactive.run((cluster) =>
      Promise.all(
        meta.brokers.map(async (b) => {
          try {
            const res = await listGroupsOn(await brokerFor(cluster, b.id));
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
    const seen = new Map<string, GroupListing>();
    for (const g of perBroker.flat()) if (!seen.has(g.groupId)) seen.set(g.groupId, g);
    return [...seen.values()].sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  });
}

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
 * kafkajs then throws, so it loads the metadata and asks again. */
export async function findCoordinator(cluster: RawCluster, groupId: string): Promise<{ nodeId: number; host: string; port: number }> {
  try {
    return (await cluster.findGroupCoordinatorMetadata({ groupId })).coordinator;
  } catch (err) {
    if ((err as { name?: string }).name !== 'KafkaJSBrokerNotFound') throw err;
    await cluster.refreshMetadata();
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
          const { groups } = await describeGroupsOn(await brokerFor(cluster, node), chunk);
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
  const res = await fetchGroupOffsets(await brokerFor(cluster, node), groupId);
  if (res.errorCode) throw unavailable(`The coordinator of "${groupId}" answered ${errorName(res.errorCode)}.`);
  const out: Committed[] = [];
  for (const t of res.responses) {
    for (const p of t.partitions) {
      if (p.errorCode !== 0) continue;
      const offset = BigInt(p.offset);
      if (offset >= 0n) out.push({ topic: t.topic, partition: p.partition, offset });
    }
  }
  return out;
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

