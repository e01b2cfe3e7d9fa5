// Consumer-group DTOs, lag, and the offset-reset wizard's preview/reset bodies.
import './zod-csp';
import { z } from 'zod/mini';
import { Int64String, OffsetString, PageQuery, PartitionId, SortDir, pageOf } from './common';
import { LagStatus } from './lag-history';
import { TOPIC_NAME_MAX } from './topic';

export const GroupState = z.enum(['Unknown', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead', 'Empty']);

/** A group's health from the lag history (verdicts.ts rules, README "Lag history and verdicts"). */
const groupHealthFields = {
  /** The verdict over the recent samples; null before the sampler has seen the group (or with the history off). */
  status: z.nullable(LagStatus),
  /** One line saying why ("no history yet" when status is null). */
  statusReason: z.string(),
  /** Seconds the committed position is behind the newest record (worst partition); null when not known. */
  lagSeconds: z.nullable(z.number().check(z.nonnegative())),
  /** Total lag at each recent sample, oldest first (for a sparkline). */
  lagTrend: z.array(Int64String),
};

export const GroupSummarySchema = z.object({
  groupId: z.string(),
  state: GroupState,
  protocolType: z.string(),
  members: z.int().check(z.nonnegative()),
  topics: z.array(z.string()),
  /** Sum of lag over the group's committed partitions; null when it has no committed offsets. */
  totalLag: z.nullable(Int64String),
  ...groupHealthFields,
});
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

export const GroupSortKey = z.enum(['groupId', 'state', 'members', 'topics', 'totalLag', 'status']);
export const GroupListQuerySchema = z.object({
  q: z.catch(z.string().check(z.maxLength(1_000)), ''),
  state: z.catch(z.optional(GroupState), undefined),
  /** Only groups with this verdict. */
  status: z.catch(z.optional(LagStatus), undefined),
  sort: z.catch(GroupSortKey, 'groupId'),
  dir: z.catch(SortDir, 'asc'),
  ...PageQuery,
});
export type GroupListQuery = z.infer<typeof GroupListQuerySchema>;
export const GroupListSchema = pageOf(GroupSummarySchema);
export type GroupList = z.infer<typeof GroupListSchema>;

export const GroupMemberSchema = z.object({
  memberId: z.string(),
  clientId: z.string(),
  host: z.string(),
  assignments: z.array(z.object({ topic: z.string(), partitions: z.array(PartitionId) })),
});

export const GroupOffsetSchema = z.object({
  topic: z.string(),
  partition: PartitionId,
  /** null when the group has committed nothing for this partition. */
  committed: z.nullable(Int64String),
  logStart: OffsetString,
  logEnd: OffsetString,
  /** high watermark - committed, as kafka-consumer-groups.sh shows it: negative when the commit is
   * above the log end (an anomaly, status ERROR); null without a commit or a known log end. */
  lag: z.nullable(Int64String),
  /** Member currently assigned the partition, if any. */
  memberId: z.nullable(z.string()),
  /** The partition's verdict; null before the sampler has seen it. */
  status: z.nullable(LagStatus),
  statusReason: z.nullable(z.string()),
});
export type GroupOffset = z.infer<typeof GroupOffsetSchema>;

export const GroupDetailSchema = z.object({
  groupId: z.string(),
  state: GroupState,
  protocolType: z.string(),
  protocol: z.string(),
  coordinator: z.nullable(z.object({ id: z.int(), host: z.string(), port: z.int() })),
  members: z.array(GroupMemberSchema),
  offsets: z.array(GroupOffsetSchema),
  totals: z.object({ lag: Int64String, partitions: z.int(), topics: z.int() }),
  ...groupHealthFields,
});
export type GroupDetail = z.infer<typeof GroupDetailSchema>;

export const ResetMode = z.enum(['earliest', 'latest', 'timestamp', 'offset', 'shift']);
export const ResetOffsetsRequestSchema = z
  .object({
    mode: ResetMode,
    /** mode=timestamp: milliseconds since the epoch. */
    timestamp: z.optional(z.int().check(z.gte(0))),
    /** mode=offset: the absolute offset, clamped to each partition's watermarks. */
    offset: z.optional(OffsetString),
    /** mode=shift: signed number of messages to move, clamped to the watermarks. */
    shift: z.optional(Int64String),
    /** Absent: all the group's topics. With `partitions`: only those partitions of `topic`. */
    topic: z.optional(z.string().check(z.minLength(1), z.maxLength(TOPIC_NAME_MAX))),
    partitions: z.optional(z.array(PartitionId).check(z.minLength(1))),
  })
  .check(
    z.superRefine((r, ctx) => {
      const need = { timestamp: 'timestamp', offset: 'offset', shift: 'shift' } as const;
      if (r.mode in need) {
        const field = need[r.mode as keyof typeof need];
        if (r[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `required for mode ${r.mode}` });
      }
      if (r.partitions && !r.topic) ctx.addIssue({ code: 'custom', path: ['topic'], message: 'required with partitions' });
    }),
  );
export type ResetOffsetsRequest = z.infer<typeof ResetOffsetsRequestSchema>;

export const ResetPreviewRowSchema = z.object({
  topic: z.string(),
  partition: PartitionId,
  current: z.nullable(Int64String),
  target: OffsetString,
  low: OffsetString,
  high: OffsetString,
  lagBefore: z.nullable(Int64String),
  lagAfter: Int64String,
});
export const ResetPreviewSchema = z.object({
  groupId: z.string(),
  applied: z.boolean(),
  partitions: z.array(ResetPreviewRowSchema),
});
export type ResetPreview = z.infer<typeof ResetPreviewSchema>;
