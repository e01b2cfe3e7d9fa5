// Dynamic broker configs: the broker settings an operator may change at run time with
// IncrementalAlterConfigs/AlterConfigs on a BROKER resource, per node (resource name "0", "1", ...)
// or as the cluster-wide default (resource name ""), as Kafka keeps them. Only settings the embedded
// broker truly applies are accepted: the topic defaults its logs and Produce use (each the broker
// synonym of a topic key in topic-config.ts). Any other name is refused, as Kafka refuses settings it
// cannot change while running.
//
// A node's value wins over the cluster-wide default, which wins over the built-in default; a topic's
// own override wins over all of them. The partitions' logs are reconfigured whenever a dynamic config
// changes and when topics are created or reconfigured. One copy of each partition's data serves all
// its replicas, so the node whose settings govern a partition is its first (preferred) replica.
//
// The values live in the store's metadata documents (`broker-configs.json`, rewritten atomically on
// each change), so they survive a restart; in-memory mode keeps them in memory with the same code.
import type { PartitionState, TopicState } from '../cluster/cluster';
import type { BrokerRuntime, BrokerService } from '../handlers/types';
import type { Store } from '../storage/types';
import { toLogConfig, validateTopicConfig } from '../topic-config';

const META_NAME = 'broker-configs.json';

/** Broker config name -> the topic config it is the default of. */
export const DYNAMIC_BROKER_KEYS: ReadonlyMap<string, string> = new Map([
  ['log.retention.ms', 'retention.ms'],
  ['log.retention.bytes', 'retention.bytes'],
  ['log.segment.bytes', 'segment.bytes'],
  ['log.message.timestamp.type', 'message.timestamp.type'],
  ['log.cleaner.delete.retention.ms', 'delete.retention.ms'],
  ['message.max.bytes', 'max.message.bytes'],
]);

const TOPIC_TO_BROKER = new Map([...DYNAMIC_BROKER_KEYS].map(([b, t]) => [t, b]));

/** Whose value a broker-level setting is: one node's, or the cluster-wide default's. */
export type ConfigEntity = number | 'default';

export type BrokerLevelSource = 'node' | 'default';

interface Persisted {
  version: 1;
  default: Record<string, string>;
  nodes: Record<string, Record<string, string>>;
}

/** Why `value` cannot be the dynamic value of broker config `name`, or null. */
export function brokerConfigProblem(name: string, value: string | null): string | null {
  const topicKey = DYNAMIC_BROKER_KEYS.get(name);
  if (topicKey === undefined) {
    return `Cannot update these configs dynamically: Set(${name}) (the embedded broker applies ${[...DYNAMIC_BROKER_KEYS.keys()].join(', ')})`;
  }
  const problem = validateTopicConfig(topicKey, value);
  return problem === null ? null : problem.split(topicKey).join(name);
}

export class DynamicBrokerConfigs implements BrokerService {
  private defaults: Record<string, string> = {};
  private readonly nodes = new Map<number, Record<string, string>>();

  constructor(private readonly store: Store) {
    const text = store.readMeta(META_NAME);
    if (text === null) return;
    const doc = JSON.parse(text) as Persisted;
    if (doc.version !== 1 || typeof doc.default !== 'object' || typeof doc.nodes !== 'object') throw new Error(`unreadable ${META_NAME}`);
    this.defaults = { ...doc.default };
    for (const [id, configs] of Object.entries(doc.nodes)) this.nodes.set(Number(id), { ...configs });
  }

  /** The dynamic configs set on one entity (a copy). */
  get(entity: ConfigEntity): Record<string, string> {
    return { ...(entity === 'default' ? this.defaults : (this.nodes.get(entity) ?? {})) };
  }

  /** Replaces one entity's dynamic configs (validated by the caller) and writes them down. */
  set(entity: ConfigEntity, configs: Record<string, string>): void {
    if (entity === 'default') this.defaults = { ...configs };
    else if (Object.keys(configs).length === 0) this.nodes.delete(entity);
    else this.nodes.set(entity, { ...configs });
    const nodes: Record<string, Record<string, string>> = {};
    for (const [id, c] of [...this.nodes].sort((a, b) => a[0] - b[0])) nodes[String(id)] = c;
    this.store.writeMeta(META_NAME, JSON.stringify({ version: 1, default: this.defaults, nodes } satisfies Persisted, null, 1));
  }

  /** Whether any dynamic broker config is set at all. */
  anySet(): boolean {
    return Object.keys(this.defaults).length > 0 || this.nodes.size > 0;
  }

  /** Broker config `name` as node `nodeId` sees it, if set dynamically, and where it comes from. */
  lookup(nodeId: number, name: string): { value: string; source: BrokerLevelSource } | undefined {
    const own = this.nodes.get(nodeId)?.[name];
    if (own !== undefined) return { value: own, source: 'node' };
    const dflt = this.defaults[name];
    return dflt === undefined ? undefined : { value: dflt, source: 'default' };
  }

  /** Topic config `topicKey`'s broker-level value for partitions governed by `nodeId`, if set. */
  topicDefault(nodeId: number, topicKey: string): { value: string; source: BrokerLevelSource } | undefined {
    const name = TOPIC_TO_BROKER.get(topicKey);
    return name === undefined ? undefined : this.lookup(nodeId, name);
  }

  /** Every broker-level topic default for partitions governed by `nodeId`, under topic config names. */
  topicDefaults(nodeId: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, topicKey] of DYNAMIC_BROKER_KEYS) {
      const v = this.lookup(nodeId, name);
      if (v !== undefined) out[topicKey] = v.value;
    }
    return out;
  }

  /** A topic's effective configs for one partition: its overrides over the broker-level defaults. */
  effectiveTopicConfigs(topic: TopicState, p: PartitionState | undefined = topic.partitions[0]): Record<string, string> {
    return { ...this.topicDefaults(governingNode(p)), ...topic.configs };
  }

  /** Gives the partitions' logs their effective configs (every topic, or the given ones). */
  apply(topics: Iterable<TopicState>): void {
    for (const t of topics) {
      for (const p of t.partitions) p.log.updateConfig(toLogConfig(this.effectiveTopicConfigs(t, p)));
    }
  }

  close(): void {}
}

/** The node whose settings govern a partition: its first replica. */
export function governingNode(p: PartitionState | undefined): number {
  return p?.replicas[0] ?? -1;
}

/** The broker's dynamic configs, loaded (and applied to every partition's log) on first use. */
export function brokerConfigsOf(runtime: BrokerRuntime): DynamicBrokerConfigs {
  return runtime.service('dynamic-broker-configs', (rt) => {
    const configs = new DynamicBrokerConfigs(rt.cluster.store);
    configs.apply(rt.cluster.topics.values());
    return configs;
  });
}

/** After topics were created or reconfigured: their logs get the broker-level defaults too. */
export function applyBrokerDefaults(runtime: BrokerRuntime, topicNames: Iterable<string>): void {
  const configs = brokerConfigsOf(runtime);
  // With no broker-level value set, the cluster already gave the logs their configs.
  if (!configs.anySet()) return;
  const topics: TopicState[] = [];
  for (const name of topicNames) {
    const t = runtime.cluster.topic(name);
    if (t) topics.push(t);
  }
  configs.apply(topics);
}

/** The entity a BROKER config resource names: "" the cluster-wide default, "<id>" a known node. */
export function brokerEntity(runtime: BrokerRuntime, resourceName: string): ConfigEntity | null {
  if (resourceName === '') return 'default';
  if (!/^\d+$/.test(resourceName)) return null;
  const id = Number(resourceName);
  return runtime.cluster.node(id) ? id : null;
}
