// The shapes of the cluster's in-memory state, apart from the code that changes them, so every part
// of cluster/ (liveness, topics, metadata writes, logs) and every handler can name them without
// importing one another. Leadership is not among them: it is derived from these (liveness.ts).
import type { PartitionLog } from '../storage/store';

export interface ClusterNode {
  readonly id: number;
  host: string;
  port: number;
  rack: string | null;
  up: boolean;
}

export interface PartitionState {
  readonly topic: string;
  readonly index: number;
  replicas: number[];
  /** Bumped whenever leadership moves; stamped into every batch appended while it leads. */
  leaderEpoch: number;
  readonly log: PartitionLog;
  /** Callbacks waiting for the next append (long-poll Fetch); each fires once. */
  readonly waiters: Set<() => void>;
}

export interface TopicState {
  readonly name: string;
  /** 16-byte topic id (Metadata v10+, Fetch v13+). */
  readonly id: Buffer;
  readonly internal: boolean;
  /** Config overrides only; defaults come from topic-config.ts. */
  configs: Record<string, string>;
  readonly partitions: PartitionState[];
}

export interface ClusterOptions {
  /** Create a topic on first Metadata/Produce request for it (Kafka's auto.create.topics.enable). */
  autoCreateTopics: boolean;
  /** Partitions of an auto-created topic (Kafka's num.partitions). */
  numPartitions: number;
  /** Replication factor of an auto-created topic (Kafka's default.replication.factor). */
  defaultReplicationFactor: number;
  /** The data directory's absolute path, as DescribeLogDirs names it; absent or null in memory. */
  logDir?: string | null;
  log: (line: string) => void;
}

export interface CreateTopicSpec {
  name: string;
  numPartitions: number;
  replicationFactor: number;
  configs?: Record<string, string>;
  /** Explicit replica lists per partition, instead of the spread assignment. */
  assignments?: number[][];
}
