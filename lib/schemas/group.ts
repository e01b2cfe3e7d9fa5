// Consumer-group DTOs, lag, and the offset-reset wizard's preview/reset bodies.
import './zod-csp';
import { z } from 'zod';
import { Int64String, OffsetString, PageQuery, PartitionId, SortDir, pageOf } from './common';
import { LagStatus } from './lag-history';
import { TOPIC_NAME_MAX } from './topic';

export const GroupState = z.enum(['Unknown', 'PreparingRebalance', 'CompletingRebalance', 'Stable', 'Dead', 'Empty']);

/** A group's health from the lag history (verdicts.ts rules, README "Lag history and verdicts"). */
const groupHealthFields = {
  /** The verdict over the recent samples; null before the sampler has seen the group (or with the history off). */
  status: LagStatus.nullable(),
  /** One line saying why ("no history yet" when status is null). */
  statusReason: z.string(),
  /** Seconds the committed position is behind the newest record (worst partition); null when not known. */
  lagSeconds: z.number().nonnegative().nullable(),
  /** Total lag at each recent sample, oldest first (for a sparkline). */
  lagTrend: z.array(Int64String),
};

export const GroupSummarySchema = z.object({
  groupId: z.string(),
  state: GroupState,
  protocolType: z.string(),
  members: z.int().nonnegative(),
  topics: z.array(z.string()),
  /** Sum of lag over the group's committed partitions; null when it has no committed offsets. */
  totalLag: Int64String.nullable(),
  ...groupHealthFields,
});
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

export const GroupSortKey = z.enum(['groupId', 'state', 'members', 'topics', 'totalLag', 'status']);
export const GroupListQuerySchema = z.object({
  q: z.string().max(1_000).catch(''),
  state: GroupState.optional().catch(undefined),
  /** Only groups with this verdict. */
  status: LagStatus.optional().catch(undefined),
  sort: GroupSortKey.catch('groupId'),
  dir: SortDir.catch('asc'),
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
  committed: Int64String.nullable(),
  logStart: OffsetString,
  logEnd: OffsetString,
  /** high watermark - committed, as kafka-consumer-groups.sh shows it: negative when the commit is
   * above the log end (an anomaly, status ERROR); null without a commit or a known log end. */
  lag: Int64String.nullable(),
  /** Member currently assigned the partition, if any. */
  memberId: z.string().nullable(),
  /** The partition's verdict; null before the sampler has seen it. */
  status: LagStatus.nullable(),
  statusReason: z.string().nullable(),
});
export type GroupOffset = z.infer<typeof GroupOffsetSchema>;

export const GroupDetailSchema = z.object({
  groupId: z.string(),
  state: GroupState,
  protocolType: z.string(),
  protocol: z.string(),
  coordinator: z.object({ id: z.int(), host: z.string(), port: z.int() }).nullable(),
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
    timestamp: z.int().min(0).optional(),
    /** mode=offset: the absolute offset, clamped to each partition's watermarks. */
    offset: OffsetString.optional(),
    /** mode=shift: signed number of messages to move, clamped to the watermarks. */
    shift: Int64String.optional(),
    /** Absent: all the group's topics. With `partitions`: only those partitions of `topic`. */
    topic: z.string().min(1).max(TOPIC_NAME_MAX).optional(),
    partitions: z.array(PartitionId).min(1).optional(),
  })
  .superRefine((r, ctx) => {
    const need = { timestamp: 'timestamp', offset: 'offset', shift: 'shift' } as const;
    if (r.mode in need) {
      const field = need[r.mode as keyof typeof need];
      if (r[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `required for mode ${r.mode}` });
    }
    if (r.partitions && !r.topic) ctx.addIssue({ code: 'custom', path: ['topic'], message: 'required with partitions' });
  });
export type ResetOffsetsRequest = z.infer<typeof ResetOffsetsRequestSchema>;

export const ResetPreviewRowSchema = z.object({
  topic: z.string(),
  partition: PartitionId,
  current: Int64String.nullable(),
  target: OffsetString,
  low: OffsetString,
  high: OffsetString,
  lagBefore: Int64String.nullable(),
  lagAfter: Int64String,
});
export const ResetPreviewSchema = z.object({
  groupId: z.string(),
  applied: z.boolean(),
  partitions: z.array(ResetPreviewRowSchema),
});
export type ResetPreview = z.infer<typeof ResetPreviewSchema>;
