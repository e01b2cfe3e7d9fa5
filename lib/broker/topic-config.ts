// Topic configuration: the one place that knows which topic config keys the broker accepts, their
// Kafka defaults and types, how a value is validated, and how a topic's effective configs turn into
// the storage layer's LogConfig. CreateTopics, DescribeConfigs and AlterConfigs all read from here, so
// a key added here is accepted, described and enforced everywhere at once.
import type { LogConfig } from './storage/store';

export type TopicConfigType = 'int' | 'long' | 'double' | 'boolean' | 'string' | 'list' | 'class' | 'password';

export interface TopicConfigKey {
  readonly name: string;
  readonly type: TopicConfigType;
  /** Kafka's default, as the string DescribeConfigs reports. */
  readonly defaultValue: string;
  /** The broker-level setting Kafka lists as this key's synonym (DescribeConfigs v1+). */
  readonly brokerSynonym: string;
  /** Inclusive lower bound for numeric types. */
  readonly min?: number;
  /** Closed set of legal values (for list types: of each element). */
  readonly oneOf?: readonly string[];
  readonly readOnly?: boolean;
  readonly sensitive?: boolean;
}

const key = (
  name: string,
  type: TopicConfigType,
  defaultValue: string,
  brokerSynonym: string,
  extra: Partial<Pick<TopicConfigKey, 'min' | 'oneOf' | 'readOnly' | 'sensitive'>> = {},
): TopicConfigKey => ({ name, type, defaultValue, brokerSynonym, ...extra });

const COMPRESSION = ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'];

/** The standard Kafka topic-level keys (Kafka 2.x/3.x names and defaults). */
export const TOPIC_CONFIG_KEYS: readonly TopicConfigKey[] = [
  key('cleanup.policy', 'list', 'delete', 'log.cleanup.policy', { oneOf: ['delete', 'compact'] }),
  key('compression.type', 'string', 'producer', 'compression.type', { oneOf: COMPRESSION }),
  key('delete.retention.ms', 'long', '86400000', 'log.cleaner.delete.retention.ms', { min: 0 }),
  key('file.delete.delay.ms', 'long', '60000', 'log.segment.delete.delay.ms', { min: 0 }),
  key('flush.messages', 'long', '9223372036854775807', 'log.flush.interval.messages', { min: 1 }),
  key('flush.ms', 'long', '9223372036854775807', 'log.flush.interval.ms', { min: 0 }),
  key('index.interval.bytes', 'int', '4096', 'log.index.interval.bytes', { min: 0 }),
  key('max.compaction.lag.ms', 'long', '9223372036854775807', 'log.cleaner.max.compaction.lag.ms', { min: 1 }),
  key('max.message.bytes', 'int', '1048588', 'message.max.bytes', { min: 0 }),
  key('message.downconversion.enable', 'boolean', 'true', 'log.message.downconversion.enable'),
  key('message.format.version', 'string', '3.0-IV1', 'log.message.format.version'),
  key('message.timestamp.difference.max.ms', 'long', '9223372036854775807', 'log.message.timestamp.difference.max.ms', { min: 0 }),
  key('message.timestamp.type', 'string', 'CreateTime', 'log.message.timestamp.type', { oneOf: ['CreateTime', 'LogAppendTime'] }),
  key('min.cleanable.dirty.ratio', 'double', '0.5', 'log.cleaner.min.cleanable.ratio', { min: 0 }),
  key('min.compaction.lag.ms', 'long', '0', 'log.cleaner.min.compaction.lag.ms', { min: 0 }),
  key('min.insync.replicas', 'int', '1', 'min.insync.replicas', { min: 1 }),
  key('preallocate', 'boolean', 'false', 'log.preallocate'),
  key('retention.bytes', 'long', '-1', 'log.retention.bytes'),
  key('retention.ms', 'long', '604800000', 'log.retention.ms', { min: -1 }),
  key('segment.bytes', 'int', '1073741824', 'log.segment.bytes', { min: 14 }),
  key('segment.index.bytes', 'int', '10485760', 'log.index.size.max.bytes', { min: 4 }),
  key('segment.jitter.ms', 'long', '0', 'log.roll.jitter.ms', { min: 0 }),
  key('segment.ms', 'long', '604800000', 'log.roll.ms', { min: 1 }),
  key('unclean.leader.election.enable', 'boolean', 'false', 'unclean.leader.election.enable'),
];

const byName = new Map(TOPIC_CONFIG_KEYS.map((k) => [k.name, k]));

export function topicConfigKey(name: string): TopicConfigKey | undefined {
  return byName.get(name);
}

/** Why `value` is not legal for config `name`, or null when it is. */
export function validateTopicConfig(name: string, value: string | null): string | null {
  const k = byName.get(name);
  if (!k) return `Unknown topic config name: ${name}`;
  if (value === null) return `Null value not supported for topic configs: ${name}`;
  const v = value.trim();
  switch (k.type) {
    case 'int':
    case 'long': {
      if (!/^-?\d+$/.test(v)) return `Invalid value ${value} for configuration ${name}: Not a number of type ${k.type.toUpperCase()}`;
      const n = BigInt(v);
      const max = k.type === 'int' ? 2n ** 31n - 1n : 2n ** 63n - 1n;
      if (n > max || n < -max - 1n) return `Invalid value ${value} for configuration ${name}: Not a number of type ${k.type.toUpperCase()}`;
      if (k.min !== undefined && n < BigInt(k.min)) return `Invalid value ${value} for configuration ${name}: Value must be at least ${k.min}`;
      return null;
    }
    case 'double': {
      const n = Number(v);
      if (v === '' || !Number.isFinite(n)) return `Invalid value ${value} for configuration ${name}: Not a number of type DOUBLE`;
      if (k.min !== undefined && n < k.min) return `Invalid value ${value} for configuration ${name}: Value must be at least ${k.min}`;
      return null;
    }
    case 'boolean':
      if (v.toLowerCase() !== 'true' && v.toLowerCase() !== 'false') return `Invalid value ${value} for configuration ${name}: Expected value to be either true or false`;
      return null;
    case 'list': {
      const items = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (items.length === 0) return `Invalid value ${value} for configuration ${name}: Empty list`;
      const bad = k.oneOf ? items.find((i) => !k.oneOf!.includes(i)) : undefined;
      if (bad !== undefined) return `Invalid value ${bad} for configuration ${name}: String must be one of: ${k.oneOf!.join(', ')}`;
      return null;
    }
    default:
      if (k.oneOf && !k.oneOf.includes(v)) return `Invalid value ${value} for configuration ${name}: String must be one of: ${k.oneOf.join(', ')}`;
      return null;
  }
}

/** A topic's effective value for `name`: its own override, else the default. */
export function effectiveTopicConfig(overrides: Readonly<Record<string, string>>, name: string): string {
  const own = overrides[name];
  if (own !== undefined) return own;
  const k = byName.get(name);
  if (!k) throw new Error(`Unknown topic config name: ${name}`);
  return k.defaultValue;
}

/** The storage layer's view of a topic's configs. */
export function toLogConfig(overrides: Readonly<Record<string, string>>): LogConfig {
  const num = (name: string) => Number(effectiveTopicConfig(overrides, name));
  const tsType = effectiveTopicConfig(overrides, 'message.timestamp.type');
  return {
    segmentBytes: num('segment.bytes'),
    segmentMs: num('segment.ms'),
    retentionMs: num('retention.ms'),
    retentionBytes: num('retention.bytes'),
    cleanupPolicy: effectiveTopicConfig(overrides, 'cleanup.policy'),
    deleteRetentionMs: num('delete.retention.ms'),
    messageTimestampType: tsType === 'LogAppendTime' ? 'LogAppendTime' : 'CreateTime',
  };
}

/** The largest record batch a producer may send to a topic (`max.message.bytes`). */
export function maxMessageBytes(overrides: Readonly<Record<string, string>>): number {
  return Number(effectiveTopicConfig(overrides, 'max.message.bytes'));
}
