// The lag history of one consumer group (GET /api/clusters/{cluster}/groups/{group}/lag-history):
// per partition, a series of [time, committed, log end, lag] points (offsets as decimal strings, lag
// = log end - committed, negative when the commit is above the log end, as Kafka's own tool shows
// it), the totals and rates per point, and the group's verdict with each partition's. At most about
// 2,000 points per series whatever the range: older days are kept at 5-minute resolution, and
// reading thins the rest.
import './zod-csp';
import { z } from 'zod/mini';
import { Int64String, OffsetString, PartitionId } from './common';

export const LagHistoryRange = z.enum(['15m', '1h', '6h', '24h', '7d']);
export type LagHistoryRange = z.infer<typeof LagHistoryRange>;
export const LAG_HISTORY_RANGE_MS: Record<LagHistoryRange, number> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

export const LagHistoryQuerySchema = z.object({ range: z._default(LagHistoryRange, '1h') });
export type LagHistoryQuery = z.infer<typeof LagHistoryQuerySchema>;

/** The group page's chart choices in its URL (a stale or hand-edited value falls back). */
export const GroupChartQuerySchema = z.object({
  range: z.catch(LagHistoryRange, '1h'),
  lagBy: z.catch(z.enum(['total', 'topic', 'partition']), 'total'),
});

export const LagStatus = z.enum(['OK', 'WARN', 'STALL', 'STOP', 'REWIND', 'ERROR']);
export type LagStatus = z.infer<typeof LagStatus>;

export const LagVerdictSchema = z.object({
  status: LagStatus,
  /** One line saying why. */
  reason: z.string(),
});

/** [time (ms since the epoch), committed, log end (null when the leader did not answer), lag]. */
export const LagPointSchema = z.tuple([z.int(), OffsetString, z.nullable(OffsetString), z.nullable(Int64String)]);
export type LagPoint = z.infer<typeof LagPointSchema>;

export const LagPartitionHistorySchema = z.object({
  topic: z.string(),
  partition: PartitionId,
  /** The partition's verdict at the latest sample (null when the group has no commit on it any more). */
  verdict: z.nullable(LagVerdictSchema),
  /** Estimated seconds from the record at the committed offset to the newest record; null when not known. */
  lagSeconds: z.nullable(z.number().check(z.nonnegative())),
  points: z.array(LagPointSchema),
});

export const LagTotalsPointSchema = z.object({
  t: z.int(),
  /** Sums over the partitions with a commit at that time; log end and lag null when one partition's log end is unknown. */
  committed: Int64String,
  logEnd: z.nullable(Int64String),
  lag: z.nullable(Int64String),
  /** Records per second consumed (committed moving) and produced (log end moving) since the previous point. */
  consumptionRate: z.nullable(z.number()),
  productionRate: z.nullable(z.number()),
});

export const LagHistorySchema = z.object({
  cluster: z.string(),
  groupId: z.string(),
  range: LagHistoryRange,
  from: z.int(),
  to: z.int(),
  /** Time between samples at full resolution. */
  intervalMs: z.int().check(z.positive()),
  /** Members at the latest sample; null when not known. */
  members: z.nullable(z.int().check(z.nonnegative())),
  /** The group's verdict at the latest sample; null when the latest sample did not have the group. */
  verdict: z.nullable(LagVerdictSchema),
  partitions: z.array(LagPartitionHistorySchema),
  totals: z.array(LagTotalsPointSchema),
  /** Records per second over the whole range. */
  rates: z.object({ consumption: z.nullable(z.number()), production: z.nullable(z.number()) }),
});
export type LagHistory = z.infer<typeof LagHistorySchema>;
