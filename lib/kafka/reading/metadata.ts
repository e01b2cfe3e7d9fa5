// The cluster's shape — brokers, controller, topics and their partitions' leaders, replicas, ISR —
// from one Metadata request for all topics, cached for a couple of seconds and shared by concurrent
// callers. Everything that needs a leader or a partition list starts here. A leaderless partition
// (its broker stopped) is kept with leader -1 and its offline replicas, never an error.
//
// The reader that asked keeps only the broker list of the answer (reader-broker.ts): the topics
// live once, here, not once more in every reader that happened to refresh. The latest snapshot is
// also kept with its time, so callers that need only some leaders or only the brokers can use it
// while it is recent instead of asking for every topic again (metadata-subsets.ts).
//
// The first snapshot's topics reshape their partitions when first read, from the bytes of the
// answer (connection/metadata-response.ts), which they keep (~6 MB at 200,000 partitions, where the
// decoded partitions took several times that); a cold topic page reads 25 topics' partitions. Later
// snapshots reuse every unchanged topic (same bytes, same live brokers) and reshape changed ones at
// once, from a copy of their own bytes, so no later answer is kept whole.
import 'server-only';
import { notFound, unavailable } from '../errors';
import { cacheKeys, invalidate } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import type { RawMetadata } from '../connection/kafkajs-types';
import { isHandRead, partitionBytesOf, samePartitionBytes } from '../connection/metadata-response';
import { keepBrokersOnly } from './reader-broker';

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

const latest = new WeakMap<ClusterClients, { at: number; meta: ClusterMeta }>();

/** The last full snapshot when it was read less than `maxAgeMs` ago. */
export function recentMetadata(clients: ClusterClients, maxAgeMs: number): ClusterMeta | null {
  const l = latest.get(clients);
  return l && Date.now() - l.at < maxAgeMs ? l.meta : null;
}

export function loadMetadata(clients: ClusterClients, fresh = false): Promise<ClusterMeta> {
  if (fresh) invalidate.metadata(clients.cache);
  return clients.cache.get(cacheKeys.metadata(), () =>
    clients.lanes.interactive.run(async (cluster) => {
      const at = Date.now();
      // One Metadata request for every topic, which also updates the reader's map of brokers. The
      // reader's brokers keep leaderless partitions as values (raw-requests.ts) instead of throwing.
      await cluster.refreshMetadata();
      const raw = cluster.brokerPool.metadata;
      if (!raw) throw unavailable('No broker answered the metadata request.');
      const meta = toClusterMeta(raw, latest.get(clients)?.meta);
      keepBrokersOnly(cluster);
      latest.set(clients, { at, meta });
      return meta;
    }),
  );
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

type RawTopic = RawMetadata['topicMetadata'][number];

/** The bytes a topic's partitions were read from (hand-read answers, connection/metadata-response.ts)
 * and the live brokers then (offline replicas before v5 are derived from them): a topic whose
 * bytes are the same in the next answer, with the same brokers live, is unchanged without decoding.
 * A topic reshaped at once keeps a copy of its bytes here; a lazy one keeps its raw topic itself. */
const sourceOf = new WeakMap<TopicMeta, { from: Buffer; live: string }>();
const liveKey = (live: Set<number>) => [...live].sort((a, b) => a - b).join(',');

function reshape(t: RawTopic, live: Set<number>): PartitionMeta[] {
  return t.partitionMetadata
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
    .sort((a, b) => a.partition - b.partition);
}

/** A topic of the first snapshot: its partitions reshaped when first read (a cold page reads a few
 * topics' only). One object per topic: no closure, own getter or side-table entry each. It is its
 * own source entry (`from`, `live`: the shape sourceOf holds for the others). */
class LazyTopicMeta implements TopicMeta {
  #partitions: PartitionMeta[] | null = null;
  readonly name: string;
  readonly internal: boolean;
  readonly #liveBrokers: Set<number>;
  constructor(
    readonly from: RawTopic,
    liveBrokers: Set<number>,
    readonly live: string,
  ) {
    this.name = from.topic;
    this.internal = from.isInternal ?? from.topic.startsWith('__');
    this.#liveBrokers = liveBrokers;
  }
  get partitions(): PartitionMeta[] {
    return (this.#partitions ??= reshape(this.from, this.#liveBrokers));
  }
}

/** Whether `prev` (a reshaped topic) says exactly what raw topic `t` says. */
function sameTopic(prev: TopicMeta, t: RawTopic, live: Set<number>, liveId: string): boolean {
  if (prev.internal !== (t.isInternal ?? t.topic.startsWith('__'))) return false;
  const before = prev instanceof LazyTopicMeta ? prev : sourceOf.get(prev);
  if (before && before.live === liveId) {
    const same = samePartitionBytes(t, before.from);
    if (same !== null) return same;
  }
  if (prev.partitions.length !== t.partitionMetadata.length) return false;
  for (const p of t.partitionMetadata) {
    const q = prev.partitions[p.partitionId];
    if (!q || q.partition !== p.partitionId || q.leader !== (p.leader ?? -1)) return false;
    const replicas = p.replicas ?? [];
    if (!sameNumbers(q.replicas, replicas) || !sameNumbers(q.isr, p.isr ?? [])) return false;
    if (p.offlineReplicas) {
      if (!sameNumbers(q.offline, p.offlineReplicas)) return false;
    } else {
      let i = 0;
      for (const r of replicas) if (!live.has(r) && q.offline[i++] !== r) return false;
      if (i !== q.offline.length) return false;
    }
  }
  return true;
}

/** Reshapes a Metadata answer. Before v5 Kafka does not send offline replicas: they are the replicas
 * whose broker is not among the live brokers listed. A topic that `previous` already describes the
 * same way is the previous object, and an answer identical to `previous` is `previous` itself: a
 * snapshot of 10,000 topics is re-read every couple of seconds and rarely changes, so what is
 * derived from it per snapshot (sorted names, message counts) stays valid and the copies are not
 * left for the garbage collector. */
export function toClusterMeta(raw: RawMetadata, previous?: ClusterMeta | null): ClusterMeta {
  const live = new Set(raw.brokers.map((b) => b.nodeId));
  const liveId = liveKey(live);
  if (previous && unchangedSince(previous, raw, live, liveId)) return previous;
  const topics = new Map<string, TopicMeta>();
  for (const t of raw.topicMetadata) {
    if (t.topicErrorCode !== 0 && t.partitionMetadata.length === 0) continue;
    const prev = previous?.topics.get(t.topic);
    if (prev && sameTopic(prev, t, live, liveId)) {
      topics.set(t.topic, prev);
      continue;
    }
    if (!isHandRead(t) || previous) {
      // Eagerly when refreshing: a changed topic must not keep the whole new answer's bytes alive.
      const meta: TopicMeta = { name: t.topic, internal: t.isInternal ?? t.topic.startsWith('__'), partitions: reshape(t, live) };
      const bytes = partitionBytesOf(t);
      if (bytes) sourceOf.set(meta, { from: Buffer.from(bytes), live: liveId });
      topics.set(t.topic, meta);
      continue;
    }
    topics.set(t.topic, new LazyTopicMeta(t, live, liveId));
  }
  return {
    clusterId: raw.clusterId ?? null,
    controllerId: raw.controllerId ?? null,
    brokers: brokersOf(raw),
    topics,
  };
}

const brokersOf = (raw: RawMetadata): BrokerMeta[] =>
  raw.brokers.map((b) => ({ id: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null })).sort((a, b) => a.id - b.id);

/** Whether the answer says exactly what `previous` says (checked before building anything). */
function unchangedSince(previous: ClusterMeta, raw: RawMetadata, live: Set<number>, liveId: string): boolean {
  if ((raw.clusterId ?? null) !== previous.clusterId || (raw.controllerId ?? null) !== previous.controllerId) return false;
  const brokers = brokersOf(raw);
  if (brokers.length !== previous.brokers.length) return false;
  for (let i = 0; i < brokers.length; i++) {
    const [b, p] = [brokers[i]!, previous.brokers[i]!];
    if (b.id !== p.id || b.host !== p.host || b.port !== p.port || b.rack !== p.rack) return false;
  }
  let n = 0;
  for (const t of raw.topicMetadata) {
    if (t.topicErrorCode !== 0 && t.partitionMetadata.length === 0) continue;
    const prev = previous.topics.get(t.topic);
    if (!prev || !sameTopic(prev, t, live, liveId)) return false;
    n++;
  }
  return n === previous.topics.size;
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
