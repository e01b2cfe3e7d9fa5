// Sizes on disk, from DescribeLogDirs: one request per live broker (all its partitions at once, never
// one per topic), sent in parallel on the interactive lane and cached briefly under one key, so a
// topic list of 10,000 topics, a sort by size and the topic and broker pages all read the same
// snapshot. Each broker answers for the replicas it hosts; a broker that does not serve the API (Kafka
// before 1.0), refuses it (no DESCRIBE on the cluster: an empty answer) or does not answer leaves its
// replicas unknown, and a partition none of whose replicas is known has no size (null), rather than a
// size that is silently too small.
//
// A partition's size is its largest known replica (one copy of the data, what the leader holds); a
// topic's is the sum over its partitions; the replicas' own sizes are kept for the topic page.
//
// A page of topics (the topic list's 25 rows, one topic's page) asks for its own topics only
// (loadTopicSizes): at 200,000 partitions every broker's whole answer took seconds to encode and
// decode, for 100 partitions shown. Only sorting by size and the broker page read every partition.
import 'server-only';
import { cacheKeys } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { describeLogDirsOn, supports } from '../connection/raw-requests';
import { API_DESCRIBE_LOG_DIRS } from '../connection/own-requests';
import { errorName } from '../../common/kafka-error-codes';
import { loadMetadata, type TopicMeta } from './metadata';
import { brokerOn } from './reader-broker';
import { tpKey } from './topic-partition';

export interface LogDir {
  path: string;
  /** Kafka's error for this directory (e.g. KAFKA_STORAGE_ERROR for an offline disk), or null. */
  error: string | null;
  sizeBytes: bigint;
  partitions: number;
}

export interface BrokerLogDirs {
  id: number;
  /** False when the broker did not answer DescribeLogDirs (unsupported, refused, unreachable). */
  answered: boolean;
  dirs: LogDir[];
}

export interface LogDirSizes {
  brokers: BrokerLogDirs[];
  /** Per partition (tpKey), the size each answering replica reported, by broker id. */
  replicas: Map<string, Map<number, bigint>>;
  /** Per topic: the sum of its partitions' sizes, or null when a partition's size is unknown. */
  topics: Map<string, bigint | null>;
}

/** What to ask each broker for: every partition it hosts (null) or these topics' partitions. */
type Ask = { name: string; partitions: number[] }[] | null;

async function askBroker(clients: ClusterClients, id: number, ask: Ask): Promise<{ id: number; dirs: LogDir[] | null; parts: [string, number, bigint][] }> {
  try {
    const answer = await clients.lanes.interactive.run(async (cluster) => {
      const broker = await brokerOn(cluster, id);
      return supports(broker, API_DESCRIBE_LOG_DIRS) ? describeLogDirsOn(broker, ask) : null;
    });
    // v0-1 have no top-level error: an unauthorised principal gets no directories at all.
    if (!answer || answer.results.length === 0) return { id, dirs: null, parts: [] };
    const parts: [string, number, bigint][] = [];
    const dirs = answer.results.map((r) => {
      let size = 0n;
      let count = 0;
      for (const t of r.topics) {
        for (const p of t.partitions) {
          // A future replica is a copy being moved between directories: not the data itself.
          if (p.isFuture) continue;
          const bytes = BigInt(p.size);
          size += bytes;
          count++;
          if (r.errorCode === 0) parts.push([t.name, p.partition, bytes]);
        }
      }
      return { path: r.logDir, error: r.errorCode === 0 ? null : errorName(r.errorCode), sizeBytes: size, partitions: count };
    });
    return { id, dirs, parts };
  } catch {
    return { id, dirs: null, parts: [] };
  }
}

export function loadLogDirs(clients: ClusterClients): Promise<LogDirSizes> {
  return clients.cache.get(cacheKeys.logDirs(), async () => {
    const meta = await loadMetadata(clients);
    return sizesFrom(clients, meta.brokers, null, meta.topics.values());
  });
}

/** The sizes of `topics` only, from every live broker (each answers for the replicas it hosts);
 * `brokers` then says what each broker holds of these topics, not its whole log dirs. Cached per
 * set of names like the full answer. */
export function loadTopicSizes(clients: ClusterClients, topics: readonly TopicMeta[]): Promise<LogDirSizes> {
  if (topics.length === 0) return Promise.resolve({ brokers: [], replicas: new Map(), topics: new Map() });
  return clients.cache.get(cacheKeys.topicLogDirs(topics.map((t) => t.name)), async () => {
    const meta = await loadMetadata(clients);
    const ask = topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => p.partition) }));
    return sizesFrom(clients, meta.brokers, ask, topics);
  });
}

async function sizesFrom(clients: ClusterClients, brokers: readonly { id: number }[], ask: Ask, topicList: Iterable<TopicMeta>): Promise<LogDirSizes> {
  const answers = await Promise.all(brokers.map((b) => askBroker(clients, b.id, ask)));
  const replicas = new Map<string, Map<number, bigint>>();
  for (const a of answers) {
    for (const [topic, partition, bytes] of a.parts) {
      const key = tpKey({ topic, partition });
      let m = replicas.get(key);
      if (!m) replicas.set(key, (m = new Map()));
      m.set(a.id, bytes);
    }
  }
  const topics = new Map<string, bigint | null>();
  for (const t of topicList) {
    let sum: bigint | null = 0n;
    for (const p of t.partitions) {
      const size = partitionSize(replicas, t.name, p.partition);
      if (size === null) {
        sum = null;
        break;
      }
      sum += size;
    }
    topics.set(t.name, sum);
  }
  return { brokers: answers.map((a) => ({ id: a.id, answered: a.dirs !== null, dirs: a.dirs ?? [] })), replicas, topics };
}

/** One copy of a partition's data: its largest known replica, or null when no replica answered. */
export function partitionSize(replicas: LogDirSizes['replicas'], topic: string, partition: number): bigint | null {
  const m = replicas.get(tpKey({ topic, partition }));
  if (!m || m.size === 0) return null;
  let max = 0n;
  for (const v of m.values()) if (v > max) max = v;
  return max;
}
