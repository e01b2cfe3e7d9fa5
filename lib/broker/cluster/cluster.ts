// The logical cluster that every node of one broker process shares: its id, the nodes and whether
// each is up, the topics with their partitions, replica lists and configs, and who leads what.
// Leadership is derived, never stored: a partition's leader is its first live replica, its ISR the
// live replicas, and its offline replicas the stopped ones. Topic metadata is persisted through the
// store so a restart finds every topic again: each change is written before the method making it
// returns, or, inside `persistOnce`, once when the whole request's changes are done, and only the
// topics that changed are written (persistence.ts). Handlers (this file's only callers besides
// broker.ts) run on the one event loop, so nothing here needs locks.
import { randomBytes } from 'node:crypto';
import type { AppendOutcome, PartitionLog, Store } from '../storage/store';
import { toLogConfig } from '../topic-config';
import { assignReplicas } from './assignment';
import { ClusterMetaFiles, type ClusterMeta, type TopicMeta } from './persistence';

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

const INTERNAL_TOPICS = new Set(['__consumer_offsets', '__transaction_state']);

export class Cluster {
  readonly topics = new Map<string, TopicState>();
  private assignmentCursor = 0;
  private readonly metaFiles: ClusterMetaFiles;
  /** Names of topics changed (or deleted) since metadata was last written. */
  private readonly unsaved = new Set<string>();
  /** How many `persistOnce` calls are running; changes wait for them to end. */
  private deferring = 0;

  private constructor(
    readonly clusterId: string,
    readonly nodes: ClusterNode[],
    readonly store: Store,
    readonly options: ClusterOptions,
    metaFiles: ClusterMetaFiles,
  ) {
    this.metaFiles = metaFiles;
  }

  /** Opens the cluster on `store`, reloading the persisted cluster id and topics. */
  static open(store: Store, nodes: ClusterNode[], options: ClusterOptions): Cluster {
    const metaFiles = new ClusterMetaFiles(store);
    const meta = metaFiles.read();
    const cluster = new Cluster(meta?.clusterId ?? newClusterId(), nodes, store, options, metaFiles);
    if (meta) {
      for (const t of meta.topics) {
        const topic: TopicState = {
          name: t.name,
          id: Buffer.from(t.id, 'hex'),
          internal: t.internal,
          configs: { ...t.configs },
          partitions: [],
        };
        for (const [index, p] of t.partitions.entries()) {
          topic.partitions.push(cluster.openPartition(topic, index, p.replicas, p.leaderEpoch));
        }
        cluster.topics.set(t.name, topic);
      }
      cluster.assignmentCursor = meta.topics.length;
    }
    metaFiles.writeSnapshot(cluster.metadata());
    return cluster;
  }

  // ---- nodes and leadership -------------------------------------------------------------------

  node(id: number): ClusterNode | undefined {
    return this.nodes.find((n) => n.id === id);
  }

  liveNodes(): ClusterNode[] {
    return this.nodes.filter((n) => n.up);
  }

  /** The controller: the lowest live node id, or -1 when every node is down. */
  get controllerId(): number {
    let id = -1;
    for (const n of this.nodes) if (n.up && (id < 0 || n.id < id)) id = n.id;
    return id;
  }

  isUp(nodeId: number): boolean {
    return this.node(nodeId)?.up ?? false;
  }

  leaderOf(p: PartitionState): number {
    for (const r of p.replicas) if (this.isUp(r)) return r;
    return -1;
  }

  isrOf(p: PartitionState): number[] {
    return p.replicas.filter((r) => this.isUp(r));
  }

  offlineReplicasOf(p: PartitionState): number[] {
    return p.replicas.filter((r) => !this.isUp(r));
  }

  /** Marks a node up or down; partitions whose leader changes get a new leader epoch. */
  setNodeUp(nodeId: number, up: boolean): void {
    const node = this.node(nodeId);
    if (!node || node.up === up) return;
    const before = new Map<PartitionState, number>();
    for (const p of this.allPartitions()) before.set(p, this.leaderOf(p));
    node.up = up;
    for (const [p, leader] of before) {
      if (this.leaderOf(p) !== leader) {
        p.leaderEpoch++;
        this.unsaved.add(p.topic);
        wake(p);
      }
    }
    this.saveUnlessDeferred();
  }

  // ---- topics ---------------------------------------------------------------------------------

  topic(name: string): TopicState | undefined {
    return this.topics.get(name);
  }

  partition(topic: string, index: number): PartitionState | undefined {
    return this.topics.get(topic)?.partitions[index];
  }

  *allPartitions(): Iterable<PartitionState> {
    for (const t of this.topics.values()) yield* t.partitions;
  }

  /** Creates a topic (the caller has validated name, counts and configs). */
  createTopic(spec: CreateTopicSpec): TopicState {
    if (this.topics.has(spec.name)) throw new Error(`topic ${spec.name} already exists`);
    const assignments = spec.assignments ?? this.spread(0, spec.numPartitions, spec.replicationFactor);
    const topic: TopicState = {
      name: spec.name,
      id: randomBytes(16),
      internal: INTERNAL_TOPICS.has(spec.name),
      configs: { ...(spec.configs ?? {}) },
      partitions: [],
    };
    this.topics.set(spec.name, topic);
    this.assignmentCursor++;
    for (const [index, replicas] of assignments.entries()) {
      topic.partitions.push(this.openPartition(topic, index, replicas, 0));
    }
    this.changed(spec.name);
    this.options.log(`created topic ${spec.name} with ${assignments.length} partition(s)`);
    return topic;
  }

  /** Creates a topic with the broker's defaults, if auto-creation is on and the name is legal. */
  autoCreateTopic(name: string): TopicState | undefined {
    if (!this.options.autoCreateTopics || !isLegalTopicName(name)) return undefined;
    const existing = this.topics.get(name);
    if (existing) return existing;
    const rf = Math.min(this.options.defaultReplicationFactor, Math.max(1, this.liveNodes().length));
    return this.createTopic({ name, numPartitions: this.options.numPartitions, replicationFactor: rf });
  }

  /** Adds partitions to an existing topic (CreatePartitions). */
  addPartitions(name: string, newTotal: number, assignments?: number[][]): void {
    const topic = this.topics.get(name);
    if (!topic) throw new Error(`unknown topic ${name}`);
    const first = topic.partitions.length;
    const rf = topic.partitions[0]?.replicas.length ?? 1;
    const lists = assignments ?? this.spread(first, newTotal - first, rf);
    for (const [i, replicas] of lists.entries()) {
      topic.partitions.push(this.openPartition(topic, first + i, replicas, 0));
    }
    this.changed(name);
  }

  deleteTopic(name: string): boolean {
    const topic = this.topics.get(name);
    if (!topic) return false;
    this.topics.delete(name);
    for (const p of topic.partitions) wake(p);
    this.store.deleteTopic(name);
    this.changed(name);
    this.options.log(`deleted topic ${name}`);
    return true;
  }

  /** Replaces a topic's config overrides (AlterConfigs semantics) and applies them to its logs. */
  setTopicConfigs(name: string, configs: Record<string, string>): void {
    const topic = this.topics.get(name);
    if (!topic) throw new Error(`unknown topic ${name}`);
    topic.configs = { ...configs };
    const logConfig = toLogConfig(topic.configs);
    for (const p of topic.partitions) p.log.updateConfig(logConfig);
    this.changed(name);
  }

  // ---- persistence ----------------------------------------------------------------------------

  /** Runs `fn` (sync or async) and writes the metadata it changed once, when it ends: one request
   * creating thousands of topics writes them in one go. Changes made meanwhile by anything else are
   * written then too, never later than they would be without this. */
  persistOnce<T>(fn: () => T): T {
    this.deferring++;
    let result: T;
    try {
      result = fn();
    } catch (err) {
      this.endDeferral();
      throw err;
    }
    if (result instanceof Promise) return result.finally(() => this.endDeferral()) as T;
    this.endDeferral();
    return result;
  }

  /** The whole metadata, as the snapshot stores it. */
  metadata(): ClusterMeta {
    return { version: 1, clusterId: this.clusterId, topics: [...this.topics.values()].map(topicMeta) };
  }

  private changed(topic: string): void {
    this.unsaved.add(topic);
    this.saveUnlessDeferred();
  }

  private endDeferral(): void {
    this.deferring--;
    // Every deferral writes what is pending when it ends, so one request's answer never waits on
    // another, longer request that overlapped it.
    this.save();
  }

  private saveUnlessDeferred(): void {
    if (this.deferring === 0) this.save();
  }

  private save(): void {
    if (this.unsaved.size === 0) return;
    const written: TopicMeta[] = [];
    const deleted: string[] = [];
    for (const name of this.unsaved) {
      const t = this.topics.get(name);
      if (t) written.push(topicMeta(t));
      else deleted.push(name);
    }
    this.metaFiles.writeChange(written, deleted, () => this.metadata());
    this.unsaved.clear();
  }

  // ---- data -----------------------------------------------------------------------------------

  /** Appends one validated batch as leader and wakes any Fetch waiting on the partition. */
  append(p: PartitionState, batch: Buffer, nowMs: number): AppendOutcome {
    const result = p.log.append(batch, p.leaderEpoch, BigInt(nowMs));
    if (result.ok) wake(p);
    return result;
  }

  /** Calls `cb` once, at the next append to `p` (or its deletion); returns a cancel function. */
  onAppend(p: PartitionState, cb: () => void): () => void {
    p.waiters.add(cb);
    return () => p.waiters.delete(cb);
  }

  /** Retention (and compaction where configured) over every partition; run from a timer. */
  enforceRetention(nowMs: number): void {
    for (const t of this.topics.values()) {
      const compact = toLogConfig(t.configs).cleanupPolicy.split(',').includes('compact');
      for (const p of t.partitions) {
        try {
          p.log.enforceRetention(BigInt(nowMs));
          if (compact) p.log.compact(BigInt(nowMs));
        } catch (err) {
          this.options.log(`retention on ${t.name}-${p.index} failed: ${(err as Error).message}`);
        }
      }
    }
  }

  private spread(first: number, count: number, rf: number): number[][] {
    const live = this.liveNodes().map((n) => n.id);
    const ids = live.length >= rf ? live : this.nodes.map((n) => n.id);
    return assignReplicas(ids, first, count, rf, this.assignmentCursor % ids.length);
  }

  private openPartition(topic: TopicState, index: number, replicas: number[], leaderEpoch: number): PartitionState {
    const log = this.store.openPartition(topic.name, index, toLogConfig(topic.configs));
    return { topic: topic.name, index, replicas, leaderEpoch, log, waiters: new Set() };
  }
}

function topicMeta(t: TopicState): TopicMeta {
  return {
    name: t.name,
    id: t.id.toString('hex'),
    internal: t.internal,
    configs: t.configs,
    partitions: t.partitions.map((p) => ({ replicas: p.replicas, leaderEpoch: p.leaderEpoch })),
  };
}

function wake(p: PartitionState): void {
  if (p.waiters.size === 0) return;
  const callbacks = [...p.waiters];
  p.waiters.clear();
  for (const cb of callbacks) cb();
}

/** Kafka's topic name rule: 1..249 of [a-zA-Z0-9._-], not "." or "..". */
export function isLegalTopicName(name: string): boolean {
  return name.length > 0 && name.length <= 249 && name !== '.' && name !== '..' && /^[a-zA-Z0-9._-]+$/.test(name);
}

/** A Kafka-style cluster id: a random UUID in unpadded base64url (22 characters). */
function newClusterId(): string {
  return randomBytes(16).toString('base64url');
}
