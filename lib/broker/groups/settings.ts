// The broker options that shape consumer groups, read from the broker's pass-through `settings`
// (BrokerOptions.settings): how many partitions `__consumer_offsets` gets (Kafka's
// offsets.topic.num.partitions, default 50) and the coordinator's timing knobs. One reader, so the
// names and defaults are written down once.

export interface GroupSettings {
  /** offsets.topic.num.partitions (Kafka: 50). Ignored once the topic exists: its count wins. */
  offsetsTopicPartitions: number;
  /** offsets.topic.replication.factor (Kafka: 3), capped at the number of nodes. */
  offsetsTopicReplicationFactor: number;
  /** group.initial.rebalance.delay.ms (Kafka: 3000; the embedded broker answers faster). */
  initialRebalanceDelayMs: number;
  /** group.min.session.timeout.ms (Kafka: 6000). */
  minSessionTimeoutMs: number;
  /** group.max.session.timeout.ms (Kafka: 1800000). */
  maxSessionTimeoutMs: number;
}

export const GROUP_SETTING_DEFAULTS: GroupSettings = {
  offsetsTopicPartitions: 50,
  offsetsTopicReplicationFactor: 3,
  initialRebalanceDelayMs: 300,
  minSessionTimeoutMs: 6000,
  maxSessionTimeoutMs: 1_800_000,
};

export function groupSettings(settings: Readonly<Record<string, unknown>>): GroupSettings {
  const out = { ...GROUP_SETTING_DEFAULTS };
  for (const name of Object.keys(out) as (keyof GroupSettings)[]) {
    const v = settings[name];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`broker setting ${name} must be a non-negative integer, got ${String(v)}`);
    out[name] = v;
  }
  if (out.offsetsTopicPartitions < 1) throw new Error('broker setting offsetsTopicPartitions must be at least 1');
  return out;
}
