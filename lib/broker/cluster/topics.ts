// The topic table: creating, auto-creating, growing, reconfiguring and deleting topics, and opening
// each partition's log in the store. Every change is reported to `changed` (the metadata writer)
// before the method returns. Validation is the handlers' job; this only refuses what would corrupt
// the table (a duplicate name, an unknown topic). New replica lists are spread over the live nodes.
import { randomBytes } from 'node:crypto';
import type { Store } from '../storage/store';
import { toLogConfig } from '../topic-config';
import { assignReplicas } from './assignment';
import type { Liveness } from './liveness';
import { wake } from './logs';
import type { TopicMeta } from './persistence';
import type { ClusterOptions, CreateTopicSpec, PartitionState, TopicState } from './state';

const INTERNAL_TOPICS = new Set(['__consumer_offsets', '__transaction_state']);

export class TopicTable {
  /** Rotates where the first replica of each new topic goes. */
  private assignmentCursor = 0;

  constructor(
    readonly topics: Map<string, TopicState>,
    private readonly store: Store,
    private readonly liveness: Liveness,
    private readonly options: ClusterOptions,
    private readonly changed: (topic: string) => void,
  ) {}

  /** Reopens the persisted topics (on open); changes nothing on disk. */
  restore(persisted: readonly TopicMeta[]): void {
    for (const t of persisted) {
      const topic: TopicState = {
        name: t.name,
        id: Buffer.from(t.id, 'hex'),
        internal: t.internal,
        configs: { ...t.configs },
        partitions: [],
      };
      for (const [index, p] of t.partitions.entries()) {
        topic.partitions.push(this.openPartition(topic, index, p.replicas, p.leaderEpoch));
      }
      this.topics.set(t.name, topic);
    }
    this.assignmentCursor = persisted.length;
  }

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
    const rf = Math.min(this.options.defaultReplicationFactor, Math.max(1, this.liveness.liveNodes().length));
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

  /** Deletes a topic and its data; Fetches waiting on it are woken. False if there is no such topic. */
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

  private spread(first: number, count: number, rf: number): number[][] {
    const live = this.liveness.liveNodes().map((n) => n.id);
    const ids = live.length >= rf ? live : this.liveness.nodes.map((n) => n.id);
    return assignReplicas(ids, first, count, rf, this.assignmentCursor % ids.length);
  }

  private openPartition(topic: TopicState, index: number, replicas: number[], leaderEpoch: number): PartitionState {
    const log = this.store.openPartition(topic.name, index, toLogConfig(topic.configs));
    return { topic: topic.name, index, replicas, leaderEpoch, log, waiters: new Set() };
  }
}

/** Kafka's topic name rule: 1..249 of [a-zA-Z0-9._-], not "." or "..". */
export function isLegalTopicName(name: string): boolean {
  return name.length > 0 && name.length <= 249 && name !== '.' && name !== '..' && /^[a-zA-Z0-9._-]+$/.test(name);
}
