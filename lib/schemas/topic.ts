// Topic DTOs: list rows, detail, and the bodies of the topic mutations. The topic-name rule is
// Kafka's own, so the form validates live with exactly what the server will enforce.
import './zod-csp';
import { z } from 'zod/mini';
import { Int64String, OffsetString, PageQuery, PartitionId, SortDir, pageOf } from './common';
import { ConfigEntryListSchema } from './config';
import { kafkaConfigMap } from './kafka-strings';
import { LagStatus } from './lag-history';

export const TOPIC_NAME_MAX = 249;
export const TopicName = z.string().check(
  z.minLength(1, 'must not be empty'),
  z.maxLength(TOPIC_NAME_MAX, `must be at most ${TOPIC_NAME_MAX} characters`),
  z.regex(/^[a-zA-Z0-9._-]+$/, 'may contain only letters, digits, ".", "_" and "-"'),
  z.refine((s) => s !== '.' && s !== '..', 'must not be "." or ".."'),
);

export const TopicSummarySchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  partitions: z.int().check(z.nonnegative()),
  replicationFactor: z.int().check(z.nonnegative()),
  underReplicated: z.int().check(z.nonnegative()),
  offline: z.int().check(z.nonnegative()),
  /** Sum over partitions of high - low watermark. */
  messages: Int64String,
  /** True when at least one config differs from the default (null when configs are unknown). */
  customConfig: z.nullable(z.boolean()),
  /** Bytes on disk of one copy of the topic (per partition its largest replica, from
   * DescribeLogDirs); null when a broker holding a partition did not answer. */
  sizeBytes: z.nullable(Int64String),
});
export type TopicSummary = z.infer<typeof TopicSummarySchema>;

export const TopicSortKey = z.enum(['name', 'partitions', 'replicationFactor', 'underReplicated', 'messages', 'size']);
export const TopicListQuerySchema = z.object({
  q: z.catch(z.string().check(z.maxLength(TOPIC_NAME_MAX)), ''),
  internal: z.catch(z.stringbool(), false),
  sort: z.catch(TopicSortKey, 'name'),
  dir: z.catch(SortDir, 'asc'),
  ...PageQuery,
});
export type TopicListQuery = z.infer<typeof TopicListQuerySchema>;
export const TopicListSchema = pageOf(TopicSummarySchema);
export type TopicList = z.infer<typeof TopicListSchema>;

export const PartitionInfoSchema = z.object({
  partition: PartitionId,
  /** -1 when no live replica leads the partition. */
  leader: z.int(),
  replicas: z.array(z.int()),
  isr: z.array(z.int()),
  offline: z.array(z.int()),
  preferredLeader: z.boolean(),
  underReplicated: z.boolean(),
  low: OffsetString,
  high: OffsetString,
  messages: Int64String,
  /** Bytes of the partition's log (its largest replica); null when no replica's broker answered. */
  sizeBytes: z.nullable(Int64String),
  /** Each answering replica's own size, by broker. */
  replicaSizes: z.array(z.object({ broker: z.int(), sizeBytes: Int64String })),
});
export type PartitionInfo = z.infer<typeof PartitionInfoSchema>;

export const TopicGroupLagSchema = z.object({
  groupId: z.string(),
  state: z.string(),
  /** Sum of per-partition lag on this topic (null when nothing was committed). */
  lag: z.nullable(Int64String),
  /** The group's verdict on this topic's partitions; null before the sampler has seen it. */
  status: z.nullable(LagStatus),
  statusReason: z.string(),
  /** Seconds behind the newest record on this topic (worst partition); null when not known. */
  lagSeconds: z.nullable(z.number().check(z.nonnegative())),
  /** Lag on this topic at each recent sample, oldest first. */
  lagTrend: z.array(Int64String),
});
export type TopicGroupLag = z.infer<typeof TopicGroupLagSchema>;

export const TopicDetailSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  replicationFactor: z.int().check(z.nonnegative()),
  partitions: z.array(PartitionInfoSchema),
  configs: ConfigEntryListSchema,
  groups: z.array(TopicGroupLagSchema),
  totals: z.object({ messages: Int64String, underReplicated: z.int(), offline: z.int(), sizeBytes: z.nullable(Int64String) }),
});
export type TopicDetail = z.infer<typeof TopicDetailSchema>;

export const CreateTopicRequestSchema = z.object({
  name: TopicName,
  partitions: z.int().check(z.gte(1), z.lte(100_000)),
  replicationFactor: z.int().check(z.gte(1), z.lte(32_767)),
  configs: z._default(kafkaConfigMap(z.string()), {}),
});
export type CreateTopicRequest = z.infer<typeof CreateTopicRequestSchema>;
export const CreateTopicResponseSchema = z.object({ name: z.string(), partitions: z.int(), replicationFactor: z.int() });

/** Raise the partition count to `count` (Kafka cannot lower it). */
export const AddPartitionsRequestSchema = z.object({ count: z.int().check(z.gte(1), z.lte(100_000)) });

/** Set configs; a null value removes the override so the default applies again. */
export const UpdateTopicConfigsRequestSchema = z.object({
  configs: kafkaConfigMap(z.nullable(z.string())),
});

/** Purge records: up to an offset per partition, or everything (each partition to its high watermark). */
export const DeleteRecordsRequestSchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ partitions: z.array(z.object({ partition: PartitionId, offset: OffsetString })).check(z.minLength(1)) }),
]);
export type DeleteRecordsRequest = z.infer<typeof DeleteRecordsRequestSchema>;
export const DeleteRecordsResponseSchema = z.object({
  partitions: z.array(z.object({ partition: PartitionId, low: OffsetString })),
});
