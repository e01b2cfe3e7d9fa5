// The broker-level configs DescribeConfigs reports for a broker resource: a small table of the
// settings the embedded broker actually has, under Kafka's names, with Kafka's defaults. Values set
// by broker options are reported as static broker configs, the rest as defaults. They are read-only:
// the embedded broker takes its settings at start-up.
import { groupSettings } from '../groups/settings';
import type { BrokerRuntime } from '../handlers/types';
import { saslMechanisms } from '../sasl';
import { effectiveTopicConfig } from '../topic-config';
import { ConfigSource, type DescribedConfig } from './config-source';

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
  return BROKER_KEYS.filter((k) => wanted === null || wanted.has(k.name)).map((k) => {
    const value = k.value(runtime, nodeId);
    const isDefault = value === k.defaultValue;
    const configSource = isDefault ? ConfigSource.DEFAULT_CONFIG : ConfigSource.STATIC_BROKER_CONFIG;
    return {
      name: k.name,
      value: k.sensitive ? null : value,
      readOnly: true,
      isDefault,
      configSource,
      isSensitive: k.sensitive ?? false,
      synonyms: synonyms ? [{ name: k.name, value: k.sensitive ? null : value, source: configSource }] : [],
    };
  });
}
