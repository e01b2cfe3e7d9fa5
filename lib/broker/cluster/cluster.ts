// The logical cluster that every node of one broker process shares: its id, the nodes and whether
// each is up, the topics with their partitions, replica lists and configs, and who leads what. This
// class is the one object handlers and broker.ts hold; it only wires together the parts that do the
// work, each in its own file: liveness.ts (nodes up or down, and the leadership that follows),
// topics.ts (the topic table), metadata-writes.ts with persistence.ts (when and how topic metadata
// reaches the store), and logs.ts (appends, long-poll wake-ups, retention). Handlers (this file's
// only callers besides broker.ts) run on the one event loop, so nothing here needs locks.
import { randomBytes } from 'node:crypto';
import type { AppendOutcome, Store } from '../storage/store';
import { Liveness } from './liveness';
import { appendAsLeader, enforceRetention, onAppend, wake } from './logs';
import { MetadataWrites } from './metadata-writes';
import { ClusterMetaFiles, type ClusterMeta } from './persistence';
import type { ClusterNode, ClusterOptions, CreateTopicSpec, PartitionState, TopicState } from './state';
import { TopicTable } from './topics';

export type { ClusterNode, ClusterOptions, CreateTopicSpec, PartitionState, TopicState } from './state';
export { isLegalTopicName } from './topics';

export class Cluster {
  readonly topics = new Map<string, TopicState>();
  private readonly liveness: Liveness;
  private readonly table: TopicTable;
  private readonly writes: MetadataWrites;

  private constructor(
    readonly clusterId: string,
    readonly nodes: ClusterNode[],
    readonly store: Store,
    readonly options: ClusterOptions,
    metaFiles: ClusterMetaFiles,
  ) {
    this.liveness = new Liveness(nodes);
    this.writes = new MetadataWrites(metaFiles, clusterId, this.topics);
    this.table = new TopicTable(this.topics, store, this.liveness, options, (topic) => this.writes.changed(topic));
  }

  /** Opens the cluster on `store`, reloading the persisted cluster id and topics. */
  static open(store: Store, nodes: ClusterNode[], options: ClusterOptions): Cluster {
    const metaFiles = new ClusterMetaFiles(store);
    const meta = metaFiles.read();
    const cluster = new Cluster(meta?.clusterId ?? newClusterId(), nodes, store, options, metaFiles);
    if (meta) cluster.table.restore(meta.topics);
    cluster.writes.writeSnapshot();
    return cluster;
  }

  // ---- nodes and leadership (liveness.ts) -----------------------------------------------------

  node(id: number): ClusterNode | undefined {
    return this.liveness.node(id);
  }

  liveNodes(): ClusterNode[] {
    return this.liveness.liveNodes();
  }

  /** The controller: the lowest live node id, or -1 when every node is down. */
  get controllerId(): number {
    return this.liveness.controllerId;
  }

  isUp(nodeId: number): boolean {
    return this.liveness.isUp(nodeId);
  }

  leaderOf(p: PartitionState): number {
    return this.liveness.leaderOf(p);
  }

  /** Marks a node up or down; partitions whose leader changes get a new leader epoch. */
  setNodeUp(nodeId: number, up: boolean): void {
    const changed = this.liveness.setNodeUp(nodeId, up, this.table.allPartitions(), (p) => {
      this.writes.mark(p.topic);
      wake(p);
    });
    if (changed) this.writes.saveUnlessDeferred();
  }

  // ---- topics (topics.ts) ---------------------------------------------------------------------

  topic(name: string): TopicState | undefined {
    return this.table.topic(name);
  }

  partition(topic: string, index: number): PartitionState | undefined {
    return this.table.partition(topic, index);
  }

  allPartitions(): Iterable<PartitionState> {
    return this.table.allPartitions();
  }

  /** Creates a topic (the caller has validated name, counts and configs). */
  createTopic(spec: CreateTopicSpec): TopicState {
    return this.table.createTopic(spec);
  }

  /** Creates a topic with the broker's defaults, if auto-creation is on and the name is legal. */
  autoCreateTopic(name: string): TopicState | undefined {
    return this.table.autoCreateTopic(name);
  }

  /** Adds partitions to an existing topic (CreatePartitions). */
  addPartitions(name: string, newTotal: number, assignments?: number[][]): void {
    this.table.addPartitions(name, newTotal, assignments);
  }

  deleteTopic(name: string): boolean {
    return this.table.deleteTopic(name);
  }

  /** Replaces a topic's config overrides (AlterConfigs semantics) and applies them to its logs. */
  setTopicConfigs(name: string, configs: Record<string, string>): void {
    this.table.setTopicConfigs(name, configs);
  }

  // ---- persistence (metadata-writes.ts) -------------------------------------------------------

  /** Runs `fn` (sync or async) and writes the metadata it changed once, when it ends: one request
   * creating thousands of topics writes them in one go. */
  persistOnce<T>(fn: () => T): T {
    return this.writes.persistOnce(fn);
  }

  /** The whole metadata, as the snapshot stores it. */
  metadata(): ClusterMeta {
    return this.writes.metadata();
  }

  // ---- data (logs.ts) -------------------------------------------------------------------------

  /** Appends one validated batch as leader and wakes any Fetch waiting on the partition. */
  append(p: PartitionState, batch: Buffer, nowMs: number): AppendOutcome {
    return appendAsLeader(p, batch, nowMs);
  }

  /** Calls `cb` once, at the next append to `p` (or its deletion); returns a cancel function. */
  onAppend(p: PartitionState, cb: () => void): () => void {
    return onAppend(p, cb);
  }

  /** Retention (and compaction where configured) over every partition; run from a timer. */
  enforceRetention(nowMs: number): void {
    enforceRetention(this.topics.values(), nowMs, (line) => this.options.log(line));
  }
}

/** A Kafka-style cluster id: a random UUID in unpadded base64url (22 characters). */
function newClusterId(): string {
  return randomBytes(16).toString('base64url');
}
