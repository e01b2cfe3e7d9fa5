// Cluster overview and broker DTOs.
import './zod-csp';
import { z } from 'zod/mini';
import { Int64String } from './common';
import { ConfigEntryListSchema } from './config';
import { kafkaConfigMap } from './kafka-strings';

export const BrokerSummarySchema = z.object({
  id: z.int(),
  host: z.string(),
  port: z.int(),
  rack: z.nullable(z.string()),
  isController: z.boolean(),
  /** Partitions (of all topics, internal included) this broker currently leads. */
  partitionsLed: z.int().check(z.nonnegative()),
});
export type BrokerSummary = z.infer<typeof BrokerSummarySchema>;

export const ClusterOverviewSchema = z.object({
  clusterId: z.nullable(z.string()),
  controllerId: z.nullable(z.int()),
  brokers: z.array(BrokerSummarySchema),
  totals: z.object({
    topics: z.int().check(z.nonnegative()),
    internalTopics: z.int().check(z.nonnegative()),
    partitions: z.int().check(z.nonnegative()),
    underReplicated: z.int().check(z.nonnegative()),
    offline: z.int().check(z.nonnegative()),
    preferredLeaderPercent: z.number().check(z.gte(0), z.lte(100)),
  }),
});
export type ClusterOverview = z.infer<typeof ClusterOverviewSchema>;

export const BrokerDetailSchema = z.object({
  broker: BrokerSummarySchema,
  configs: ConfigEntryListSchema,
  /** Partitions led by this broker, grouped by topic. */
  leads: z.array(z.object({ topic: z.string(), partitions: z.array(z.int()) })),
});
export type BrokerDetail = z.infer<typeof BrokerDetailSchema>;

/** Each broker's log directories with their size on disk (DescribeLogDirs). */
export const LogDirsSchema = z.object({
  brokers: z.array(
    z.object({
      id: z.int(),
      /** False when the broker did not answer DescribeLogDirs (an old Kafka, no DESCRIBE on the cluster, down). */
      answered: z.boolean(),
      dirs: z.array(
        z.object({
          path: z.string(),
          /** Kafka's error for the directory (KAFKA_STORAGE_ERROR for an offline disk), or null. */
          error: z.nullable(z.string()),
          sizeBytes: Int64String,
          /** Replicas stored in it. */
          partitions: z.int().check(z.nonnegative()),
        }),
      ),
    }),
  ),
});
export type LogDirs = z.infer<typeof LogDirsSchema>;

/** PUT .../brokers/{id|default}/configs: set dynamic broker configs; a null value deletes the
 * dynamic value, so the next level (the cluster-wide default, then the static config) applies. */
export const UpdateBrokerConfigsRequestSchema = z.object({
  configs: kafkaConfigMap(z.nullable(z.string())).check(z.refine((c) => Object.keys(c).length > 0, 'name at least one config')),
});
export type UpdateBrokerConfigsRequest = z.infer<typeof UpdateBrokerConfigsRequestSchema>;
