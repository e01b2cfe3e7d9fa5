// The cluster's shape — brokers, controller, topics and their partitions' leaders, replicas, ISR —
// from one Metadata request for all topics, cached for a couple of seconds and shared by concurrent
// callers. Everything that needs a leader or a partition list starts here. A leaderless partition
// (its broker stopped) is kept with leader -1 and its offline replicas, never an error.
import 'server-only';
import { notFound, unavailable } from '../errors';
import { cacheKeys, invalidate } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import type { RawMetadata } from '../connection/kafkajs-types';

export interface PartitionMeta {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offline: number[];
}
export interface TopicMeta {
  name: string;
  internal: boolean;
  partitions: PartitionMeta[];
}
export interface BrokerMeta {
  id: number;
  host: string;
  port: number;
  rack: string | null;
}
export interface ClusterMeta {
  clusterId: string | null;
  controllerId: number | null;
  brokers: BrokerMeta[];
  topics: Map<string, TopicMeta>;
}

export function loadMetadata(clients: ClusterClients, fresh = false): Promise<ClusterMeta> {
  if (fresh) invalidate.metadata(clients.cache);
  return clients.cache.get(cacheKeys.metadata(), () =>
    clients.lanes.interactive.run(async (cluster) => {
      // One Metadata request for every topic, which also updates the reader's map of brokers. The
      // reader's brokers keep leaderless partitions as values (raw-requests.ts) instead of throwing.
      await cluster.refreshMetadata();
      const raw = cluster.brokerPool.metadata;
      if (!raw) throw unavailable('No broker answered the metadata request.');
      return toClusterMeta(raw);
    }),
  );
}

/** Reshapes a Metadata answer. Before v5 Kafka does not send offline replicas: they are the replicas
 * whose broker is not among the live brokers listed. */
export function toClusterMeta(raw: RawMetadata): ClusterMeta {
  const live = new Set(raw.brokers.map((b) => b.nodeId));
  const topics = new Map<string, TopicMeta>();
  for (const t of raw.topicMetadata) {
    if (t.topicErrorCode !== 0 && t.partitionMetadata.length === 0) continue;
    topics.set(t.topic, {
      name: t.topic,
      internal: t.isInternal ?? t.topic.startsWith('__'),
      partitions: t.partitionMetadata
        .map((p) => {
          const replicas = p.replicas ?? [];
          return {
            partition: p.partitionId,
            leader: p.leader ?? -1,
            replicas,
            isr: p.isr ?? [],
            offline: p.offlineReplicas ?? replicas.filter((r) => !live.has(r)),
          };
        })
        .sort((a, b) => a.partition - b.partition),
    });
  }
  return {
    clusterId: raw.clusterId ?? null,
    controllerId: raw.controllerId ?? null,
    brokers: raw.brokers.map((b) => ({ id: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null })).sort((a, b) => a.id - b.id),
    topics,
  };
}

export async function requireTopic(clients: ClusterClients, topic: string): Promise<TopicMeta> {
  const meta = await loadMetadata(clients);
  const t = meta.topics.get(topic) ?? (await loadMetadata(clients, true)).topics.get(topic);
  if (!t) throw notFound(`Topic "${topic}" does not exist.`);
  return t;
}

export function requirePartition(topic: TopicMeta, partition: number): PartitionMeta {
  const p = topic.partitions.find((x) => x.partition === partition);
  if (!p) throw notFound(`Topic "${topic.name}" has no partition ${partition} (it has ${topic.partitions.length}).`);
  return p;
}

/** The controller when it is live, else any live broker: where cluster-wide admin requests go. */
export function controllerOrAnyLive(meta: ClusterMeta): number | undefined {
  const live = meta.brokers.map((b) => b.id);
  return live.includes(meta.controllerId ?? -1) ? meta.controllerId! : live[0];
}
