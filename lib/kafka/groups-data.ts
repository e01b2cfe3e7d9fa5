// Consumer-group data shared by the group pages, the topic page and the reset wizard: the group
// list, descriptions (batched per coordinator, in chunks) and committed offsets (fetched with a
// concurrency bound), each cached for a couple of seconds.
import type { z } from 'zod';
import { GroupState } from '../schemas/group';
import { decodeAssignment, type Assignment } from './assignment';
import { mapBounded } from './cache';
import type { KafkaClients } from './clients';

const DESCRIBE_CHUNK = 100;
const OFFSET_FETCH_CONCURRENCY = 16;

export interface GroupListing {
  groupId: string;
  protocolType: string;
}
export interface GroupDescription {
  groupId: string;
  state: z.infer<typeof GroupState>;
  protocolType: string;
  protocol: string;
  members: { memberId: string; clientId: string; host: string; assignments: Assignment }[];
}
export interface Committed {
  topic: string;
  partition: number;
  offset: bigint;
}

export function listGroupIds(clients: KafkaClients): Promise<GroupListing[]> {
  return clients.cache.get('groups:list', async () => {
    const admin = await clients.admin();
    const { groups } = await admin.listGroups();
    return groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? '' })).sort((a, b) => a.groupId.localeCompare(b.groupId));
  }) as Promise<GroupListing[]>;
}

const toState = (s: string): GroupDescription['state'] => {
  const r = GroupState.safeParse(s === 'AwaitingSync' ? 'CompletingRebalance' : s);
  return r.success ? r.data : 'Unknown';
};

export async function describeGroups(clients: KafkaClients, ids: string[]): Promise<Map<string, GroupDescription>> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += DESCRIBE_CHUNK) chunks.push(ids.slice(i, i + DESCRIBE_CHUNK));
  const results = await mapBounded(chunks, 4, (chunk) =>
    clients.cache.get(`groups:describe:${chunk.join('\u0001')}`, async () => {
      const admin = await clients.admin();
      const { groups } = await admin.describeGroups(chunk);
      return groups.map(
        (g): GroupDescription => ({
          groupId: g.groupId,
          state: toState(g.state),
          protocolType: g.protocolType ?? '',
          protocol: g.protocol ?? '',
          members: g.members.map((m) => ({
            memberId: m.memberId,
            clientId: m.clientId,
            host: m.clientHost,
            assignments: g.protocolType === 'consumer' ? decodeAssignment(m.memberAssignment) : [],
          })),
        }),
      );
    }) as Promise<GroupDescription[]>,
  );
  return new Map(results.flat().map((g) => [g.groupId, g]));
}

export function committedOffsets(clients: KafkaClients, groupId: string): Promise<Committed[]> {
  return clients.cache.get(`groups:offsets:${groupId}`, async () => {
    const admin = await clients.admin();
    const topics = await admin.fetchOffsets({ groupId });
    const out: Committed[] = [];
    for (const t of topics) {
      for (const p of t.partitions) {
        const offset = BigInt(p.offset);
        if (offset >= 0n) out.push({ topic: t.topic, partition: p.partition, offset });
      }
    }
    return out;
  }) as Promise<Committed[]>;
}

export async function committedOffsetsOf(clients: KafkaClients, groupIds: string[]): Promise<Map<string, Committed[]>> {
  const all = await mapBounded(groupIds, OFFSET_FETCH_CONCURRENCY, (g) => committedOffsets(clients, g).catch(() => [] as Committed[]));
  return new Map(groupIds.map((g, i) => [g, all[i]!]));
}

export function invalidateGroup(clients: KafkaClients, groupId?: string): void {
  clients.cache.invalidate('groups:list');
  clients.cache.invalidate('groups:describe:');
  clients.cache.invalidate(groupId ? `groups:offsets:${groupId}` : 'groups:offsets:');
  clients.cache.invalidate('wm:');
}
