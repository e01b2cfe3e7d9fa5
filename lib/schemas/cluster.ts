// The clusters this console knows, as the browser sees them: their names (used in every URL), what
// they allow, and a health card per cluster. A cluster that does not answer still has a card, with
// the error; the list itself never waits on the slowest cluster (see GET /api/clusters).
import './zod-csp';
import { z } from 'zod/mini';
import { FeatureSwitchesSchema } from './settings';

/** A cluster's name as it appears in URLs: lower-case letters, digits, dot, underscore, hyphen. */
export const CLUSTER_NAME_SHAPE = /^[a-z0-9._-]{1,64}$/;
export const ClusterName = z.string().check(z.regex(CLUSTER_NAME_SHAPE, 'must be 1-64 of a-z, 0-9, ".", "_" or "-"'));

/** Set by the proxy on a request for a page of a cluster nobody configured (the layout answers 404). */
export const UNKNOWN_CLUSTER_HEADER = 'x-kafscope-unknown-cluster';

/** One cluster's settings that the UI may know (never credentials). */
export const ClusterInfoSchema = z.object({
  name: ClusterName,
  /** embedded: the demo broker inside this console; external: a configured cluster. */
  mode: z.enum(['embedded', 'external']),
  /** Bootstrap servers as configured (empty while the embedded broker is starting). */
  bootstrap: z.string(),
  switches: FeatureSwitchesSchema,
  /** Whether this cluster has a schema registry configured (the formats issue fills the rest). */
  schemaRegistry: z.boolean(),
});
export type ClusterInfo = z.infer<typeof ClusterInfoSchema>;

/** A cluster's health as the cluster cards show it; numbers are absent when it did not answer. */
export const ClusterHealthSchema = z.object({
  status: z.enum(['ok', 'unreachable', 'timeout', 'starting']),
  /** Why it is not ok, as a sentence. */
  error: z.optional(z.string()),
  brokers: z.optional(z.int().check(z.nonnegative())),
  controllerId: z.optional(z.nullable(z.int())),
  topics: z.optional(z.int().check(z.nonnegative())),
  partitions: z.optional(z.int().check(z.nonnegative())),
  underReplicated: z.optional(z.int().check(z.nonnegative())),
  offline: z.optional(z.int().check(z.nonnegative())),
  /** Consumer groups; null when the listing failed while metadata answered. */
  groups: z.optional(z.nullable(z.int().check(z.nonnegative()))),
  /** When this health was read (ms since the epoch). */
  checkedAt: z.number(),
});
export type ClusterHealth = z.infer<typeof ClusterHealthSchema>;

export const ClusterCardSchema = z.extend(ClusterInfoSchema, { health: ClusterHealthSchema });
export type ClusterCard = z.infer<typeof ClusterCardSchema>;

/** GET /api/clusters. `default` is where today's single-cluster URLs redirect. */
export const ClusterListSchema = z.object({
  default: ClusterName,
  clusters: z.array(ClusterCardSchema),
});
export type ClusterList = z.infer<typeof ClusterListSchema>;

/** Use of one lane of work: requests running, waiting, its budget, and refusals so far. */
export const LaneUseSchema = z.object({
  running: z.int().check(z.nonnegative()),
  waiting: z.int().check(z.nonnegative()),
  limit: z.int().check(z.positive()),
  rejected: z.int().check(z.nonnegative()),
});

/** GET /api/clusters/{cluster}/health: the cluster's health and how busy its lanes are. */
export const ClusterLanesHealthSchema = z.object({
  cluster: ClusterName,
  health: ClusterHealthSchema,
  lanes: z.object({ interactive: LaneUseSchema, long: LaneUseSchema, writes: LaneUseSchema }),
});
export type ClusterLanesHealth = z.infer<typeof ClusterLanesHealthSchema>;
