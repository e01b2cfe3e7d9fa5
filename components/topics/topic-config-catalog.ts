// Kafka's topic-level configs as the create-topic form offers them: each name with its type and a
// line of documentation (in our words), for autocompletion and for flagging a misspelt name before
// the request is sent. The broker's own table (lib/broker/topic-config.ts) decides what is accepted;
// a test keeps the two lists of names and types equal.
export type TopicConfigType = 'int' | 'long' | 'double' | 'boolean' | 'string' | 'list' | 'class' | 'password';

export interface TopicConfigDoc {
  name: string;
  type: TopicConfigType;
  doc: string;
}

export const TOPIC_CONFIG_DOCS: readonly TopicConfigDoc[] = [
  { name: 'cleanup.policy', type: 'list', doc: 'delete (drop old segments), compact (keep the latest record per key), or both.' },
  { name: 'compression.type', type: 'string', doc: 'Codec of stored batches: producer (as sent), uncompressed, gzip, snappy, lz4 or zstd.' },
  { name: 'delete.retention.ms', type: 'long', doc: 'How long tombstones stay readable in a compacted topic.' },
  { name: 'file.delete.delay.ms', type: 'long', doc: 'Wait before a deleted segment file is removed from disk.' },
  { name: 'flush.messages', type: 'long', doc: 'Force an fsync after this many records (normally left to the OS).' },
  { name: 'flush.ms', type: 'long', doc: 'Force an fsync after this much time (normally left to the OS).' },
  { name: 'index.interval.bytes', type: 'int', doc: 'Bytes between entries of the offset index.' },
  { name: 'max.compaction.lag.ms', type: 'long', doc: 'Longest a record may stay uncompacted.' },
  { name: 'max.message.bytes', type: 'int', doc: 'Largest record batch the topic accepts, in bytes.' },
  { name: 'message.downconversion.enable', type: 'boolean', doc: 'Convert batches for consumers of old message formats.' },
  { name: 'message.format.version', type: 'string', doc: 'Message format version (ignored by recent brokers).' },
  { name: 'message.timestamp.difference.max.ms', type: 'long', doc: 'Largest allowed gap between a record’s CreateTime and the broker’s clock.' },
  { name: 'message.timestamp.type', type: 'string', doc: 'CreateTime (the producer’s) or LogAppendTime (the broker’s).' },
  { name: 'min.cleanable.dirty.ratio', type: 'double', doc: 'Share of uncompacted log that triggers compaction (0 to 1).' },
  { name: 'min.compaction.lag.ms', type: 'long', doc: 'Shortest time a record stays uncompacted.' },
  { name: 'min.insync.replicas', type: 'int', doc: 'Replicas that must have a write for acks=all to succeed.' },
  { name: 'preallocate', type: 'boolean', doc: 'Preallocate segment files on disk.' },
  { name: 'retention.bytes', type: 'long', doc: 'Largest size a partition keeps before old segments go (-1: no limit).' },
  { name: 'retention.ms', type: 'long', doc: 'How long records are kept (-1: forever).' },
  { name: 'segment.bytes', type: 'int', doc: 'Size at which a new segment file starts.' },
  { name: 'segment.index.bytes', type: 'int', doc: 'Size of each segment’s offset index.' },
  { name: 'segment.jitter.ms', type: 'long', doc: 'Random delay added to segment.ms, so segments do not all roll at once.' },
  { name: 'segment.ms', type: 'long', doc: 'Age at which a new segment file starts.' },
  { name: 'unclean.leader.election.enable', type: 'boolean', doc: 'Let an out-of-sync replica become leader (may lose data).' },
];

const BY_NAME = new Map(TOPIC_CONFIG_DOCS.map((c) => [c.name, c]));

export function topicConfigDoc(name: string): TopicConfigDoc | undefined {
  return BY_NAME.get(name.trim());
}

/** Names entered that Kafka does not know as topic configs (empty names are left to other checks). */
export function unknownConfigNames(names: readonly string[]): string[] {
  return names.map((n) => n.trim()).filter((n) => n !== '' && !BY_NAME.has(n));
}

/** Time units for a custom retention. */
export const RETENTION_UNITS = [
  { unit: 'minutes', ms: 60_000 },
  { unit: 'hours', ms: 3_600_000 },
  { unit: 'days', ms: 86_400_000 },
] as const;

/** retention.ms for an amount of a unit, or null for an amount that is not a positive whole number. */
export function retentionMs(amount: string, unit: (typeof RETENTION_UNITS)[number]['unit']): string | null {
  if (!/^\d{1,9}$/.test(amount.trim()) || Number(amount) <= 0) return null;
  const per = RETENTION_UNITS.find((u) => u.unit === unit)!.ms;
  return (BigInt(amount.trim()) * BigInt(per)).toString();
}
