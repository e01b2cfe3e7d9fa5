// The broker-level configs DescribeConfigs reports for a broker resource: a small table of the
// settings the embedded broker actually has, under Kafka's names, with Kafka's defaults. Values set
// by broker options are reported as static broker configs, the rest as defaults. The few that can
// change at run time (dynamic-broker-configs.ts) are not read-only, and report a node's own dynamic
// value as DYNAMIC_BROKER_CONFIG and the cluster-wide one as DYNAMIC_DEFAULT_BROKER_CONFIG, with the
// chain of synonyms Kafka lists (node, cluster default, static, default).
import { groupSettings } from '../groups/settings';
import type { BrokerRuntime } from '../handlers/types';
import { saslMechanisms } from '../sasl';
import { effectiveTopicConfig } from '../topic-config';
import { ConfigSource, type DescribedConfig } from './config-source';
import { brokerConfigsOf, DYNAMIC_BROKER_KEYS, type DynamicBrokerConfigs } from './dynamic-broker-configs';

interface BrokerKey {
  name: string;
  defaultValue: string | null;
  value(runtime: BrokerRuntime, nodeId: number): string | null;
  sensitive?: boolean;
}

const topicDefault = (topicKey: string) => () => effectiveTopicConfig({}, topicKey);
const fixed = (name: string, value: string | null): BrokerKey => ({ name, defaultValue: value, value: () => value });

const BROKER_KEYS: readonly BrokerKey[] = [
  { name: 'broker.id', defaultValue: '-1', value: (_rt, id) => String(id) },
  {
    name: 'advertised.listeners',
    defaultValue: null,
    value: (rt, id) => {
      const n = rt.cluster.node(id);
      return n ? `${saslMechanisms(rt.settings).length > 0 ? 'SASL_PLAINTEXT' : 'PLAINTEXT'}://${n.host}:${n.port}` : null;
    },
  },
  { name: 'broker.rack', defaultValue: null, value: (rt, id) => rt.cluster.node(id)?.rack ?? null },
  { name: 'auto.create.topics.enable', defaultValue: 'true', value: (rt) => String(rt.cluster.options.autoCreateTopics) },
  { name: 'num.partitions', defaultValue: '1', value: (rt) => String(rt.cluster.options.numPartitions) },
  { name: 'default.replication.factor', defaultValue: '1', value: (rt) => String(rt.cluster.options.defaultReplicationFactor) },
  { name: 'offsets.topic.num.partitions', defaultValue: '50', value: (rt) => String(groupSettings(rt.settings).offsetsTopicPartitions) },
  { name: 'offsets.topic.replication.factor', defaultValue: '3', value: (rt) => String(groupSettings(rt.settings).offsetsTopicReplicationFactor) },
  { name: 'group.initial.rebalance.delay.ms', defaultValue: '3000', value: (rt) => String(groupSettings(rt.settings).initialRebalanceDelayMs) },
  { name: 'group.min.session.timeout.ms', defaultValue: '6000', value: (rt) => String(groupSettings(rt.settings).minSessionTimeoutMs) },
  { name: 'group.max.session.timeout.ms', defaultValue: '1800000', value: (rt) => String(groupSettings(rt.settings).maxSessionTimeoutMs) },
  { name: 'sasl.enabled.mechanisms', defaultValue: 'GSSAPI', value: (rt) => saslMechanisms(rt.settings).join(',') || 'GSSAPI' },
  { name: 'log.cleanup.policy', defaultValue: 'delete', value: topicDefault('cleanup.policy') },
  { name: 'log.retention.ms', defaultValue: '604800000', value: topicDefault('retention.ms') },
  { name: 'log.retention.bytes', defaultValue: '-1', value: topicDefault('retention.bytes') },
  { name: 'log.segment.bytes', defaultValue: '1073741824', value: topicDefault('segment.bytes') },
  { name: 'log.message.timestamp.type', defaultValue: 'CreateTime', value: topicDefault('message.timestamp.type') },
  { name: 'log.cleaner.delete.retention.ms', defaultValue: '86400000', value: topicDefault('delete.retention.ms') },
  { name: 'message.max.bytes', defaultValue: '1048588', value: topicDefault('max.message.bytes') },
  { name: 'min.insync.replicas', defaultValue: '1', value: topicDefault('min.insync.replicas') },
  { name: 'compression.type', defaultValue: 'producer', value: topicDefault('compression.type') },
  fixed('transaction.state.log.num.partitions', '50'),
  fixed('delete.topic.enable', 'true'),
];

export function describeBrokerConfigs(runtime: BrokerRuntime, nodeId: number, keys: readonly string[] | null, synonyms: boolean): DescribedConfig[] {
  const wanted = keys === null ? null : new Set(keys);
  const dynamic = brokerConfigsOf(runtime);
  return BROKER_KEYS.filter((k) => wanted === null || wanted.has(k.name)).map((k) => describeKey(runtime, dynamic, nodeId, k, synonyms));
}

/** The cluster-wide default resource (name ""): only the configs set there, as Kafka lists them. */
export function describeClusterDefaultConfigs(runtime: BrokerRuntime, keys: readonly string[] | null, synonyms: boolean): DescribedConfig[] {
  const wanted = keys === null ? null : new Set(keys);
  const defaults = brokerConfigsOf(runtime).get('default');
  return Object.entries(defaults)
    .filter(([name]) => wanted === null || wanted.has(name))
    .map(([name, value]) => ({
      name,
      value,
      readOnly: false,
      isDefault: false,
      configSource: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG,
      isSensitive: false,
      synonyms: synonyms ? [{ name, value, source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG }] : [],
    }));
}

function describeKey(runtime: BrokerRuntime, dynamic: DynamicBrokerConfigs, nodeId: number, k: BrokerKey, synonyms: boolean): DescribedConfig {
  const shown = (v: string | null) => (k.sensitive ? null : v);
  const staticValue = k.value(runtime, nodeId);
  const chain: DescribedConfig['synonyms'] = [];
  const isDynamic = DYNAMIC_BROKER_KEYS.has(k.name);
  if (isDynamic) {
    const own = dynamic.get(nodeId)[k.name];
    const dflt = dynamic.get('default')[k.name];
    if (own !== undefined) chain.push({ name: k.name, value: shown(own), source: ConfigSource.DYNAMIC_BROKER_CONFIG });
    if (dflt !== undefined) chain.push({ name: k.name, value: shown(dflt), source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG });
  }
  if (staticValue !== k.defaultValue) chain.push({ name: k.name, value: shown(staticValue), source: ConfigSource.STATIC_BROKER_CONFIG });
  chain.push({ name: k.name, value: shown(k.defaultValue), source: ConfigSource.DEFAULT_CONFIG });
  const winner = chain[0]!;
  return {
    name: k.name,
    value: winner.value,
    readOnly: !isDynamic,
    isDefault: winner.source === ConfigSource.DEFAULT_CONFIG,
    configSource: winner.source,
    isSensitive: k.sensitive ?? false,
    synonyms: synonyms ? chain : [],
  };
}
