// DTOs of the long-running message routes: the live tail (a stream of events), the export (a file)
// and the replay (a preview, then a stream of progress and a summary).
import './zod-csp';
import { z } from 'zod/mini';
import { OffsetString, PartitionId } from './common';
import { FilterExpression } from './filter';
import { MessageFormat, MessageSchema, protobufFields } from './message';

const queryInt = () => z.coerce.number<string | number>().check(z.int());

/** Query of GET .../tail: one partition or all, an optional filter, the formats, the framing. */
export const TailQuerySchema = z.object({
  partition: z.optional(queryInt().check(z.gte(0))),
  filter: z.optional(FilterExpression),
  keyFormat: z.optional(MessageFormat),
  valueFormat: z.optional(MessageFormat),
  ...protobufFields,
  /** Most messages sent per second; beyond it the stream samples (the newest of each fetch) and
   * counts what it left out. What a person can read, and what a browser tab can take in. */
  maxRate: z._default(queryInt().check(z.gte(1), z.lte(100_000)), 1_000),
  /** NDJSON (default) or server-sent events; `Accept: text/event-stream` also chooses SSE. */
  stream: z.optional(z.enum(['ndjson', 'sse'])),
});
export type TailQuery = z.infer<typeof TailQuerySchema>;
export type TailRequest = z.input<typeof TailQuerySchema>;

const TailStart = z.object({ type: z.literal('start'), partitions: z.array(z.object({ partition: PartitionId, offset: OffsetString })) });
/** Every second: totals since the start (received from Kafka, passed the filter), and the records
 * the filter failed on with the first reason. */
const TailStats = z.object({
  type: z.literal('stats'),
  received: z.int(),
  matched: z.int(),
  filterErrors: z.int(),
  firstFilterError: z.nullable(z.string()),
  /** Passed the filter but not sent, because they came faster than maxRate. */
  sampledOut: z.int(),
});
const TailError = z.object({ type: z.literal('error'), title: z.string(), detail: z.optional(z.string()) });
const TailDone = z.object({ type: z.literal('done'), reason: z.enum(['cancelled', 'error']) });

/** One event of the tail stream (a line of NDJSON, or the data of one SSE event): where it starts
 * (each partition's end when it opened), records that arrived and passed the filter (oldest first,
 * at most 100 an event), stats, an error, the end. */
export const TailEventSchema = z.discriminatedUnion('type', [TailStart, z.object({ type: z.literal('messages'), messages: z.array(MessageSchema) }), TailStats, TailError, TailDone]);
export type TailEvent = z.infer<typeof TailEventSchema>;

/** The same events with the messages left unchecked: the browser checks each message it shows with
 * MessageSchema, and no more, since at thousands a second it shows only a sample. */
export const TailEnvelopeSchema = z.discriminatedUnion('type', [TailStart, z.object({ type: z.literal('messages'), messages: z.array(z.unknown()) }), TailStats, TailError, TailDone]);
export type TailEnvelope = z.infer<typeof TailEnvelopeSchema>;

/** Query of GET .../export. Start: `from` (earliest, offset or timestamp); end: `toOffset` and/or
 * `toTimestamp` (inclusive), else the end of each partition as the export starts. */
export const ExportQuerySchema = z.object({
  format: z._default(z.enum(['ndjson', 'json', 'csv']), 'ndjson'),
  partition: z.optional(queryInt().check(z.gte(0))),
  from: z._default(z.enum(['earliest', 'offset', 'timestamp']), 'earliest'),
  offset: z.optional(OffsetString),
  timestamp: z.optional(queryInt().check(z.gte(0))),
  toOffset: z.optional(OffsetString),
  toTimestamp: z.optional(queryInt().check(z.gte(0))),
  /** asc: oldest first; desc: newest first. Partition by partition, in partition order. */
  order: z._default(z.enum(['asc', 'desc']), 'asc'),
  filter: z.optional(FilterExpression),
  /** Text every kept record's key, value or a header contains (case-insensitive). */
  q: z.optional(z.string().check(z.minLength(1), z.maxLength(1_000))),
  /** At most this many records (never more than the server's KAFSCOPE_EXPORT_MAX_RECORDS). */
  limit: z.optional(queryInt().check(z.gte(1))),
  keyFormat: z.optional(MessageFormat),
  valueFormat: z.optional(MessageFormat),
  ...protobufFields,
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
export type ExportRequest = z.input<typeof ExportQuerySchema>;

/** One exported record: payloads as text when they decode to text, else base64. */
export const ExportRecordSchema = z.object({
  partition: PartitionId,
  offset: OffsetString,
  timestamp: z.number(),
  key: z.nullable(z.string()),
  keyEncoding: z.nullable(z.enum(['text', 'base64'])),
  value: z.nullable(z.string()),
  valueEncoding: z.nullable(z.enum(['text', 'base64'])),
  headers: z.array(z.object({ key: z.string(), value: z.nullable(z.string()), encoding: z.nullable(z.enum(['text', 'base64'])) })),
});
export type ExportRecord = z.infer<typeof ExportRecordSchema>;

/** How an export ended. Written as the last line (NDJSON) or a final `#` comment line (CSV) only
 * when it did not reach the end of its range; JSON always carries it as its `export` member. */
export const ExportTrailerSchema = z.object({
  complete: z.boolean(),
  reason: z.enum(['end', 'record-cap', 'byte-cap', 'limit', 'error']),
  records: z.int(),
  bytes: z.int(),
  detail: z.string(),
});
export type ExportTrailer = z.infer<typeof ExportTrailerSchema>;

const RecordRef = z.object({ partition: PartitionId, offset: OffsetString });

/** Body of POST .../replay. */
export const ReplayRequestSchema = z
  .object({
    /** Which records of this topic: a list, every record a filter keeps, or an offset range. */
    select: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('records'), records: z.array(RecordRef).check(z.minLength(1), z.maxLength(10_000)) }),
      z.object({ kind: z.literal('filter'), filter: FilterExpression, partition: z.optional(PartitionId) }),
      z.object({ kind: z.literal('range'), partition: PartitionId, fromOffset: OffsetString, toOffset: OffsetString }),
    ]),
    target: z.object({
      /** Absent: the same cluster. */
      cluster: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
      /** Absent only with `dlqHeader`. */
      topic: z.optional(z.string().check(z.minLength(1), z.maxLength(249))),
      /** DLQ preset: each record goes to the topic named in this header (records without it are skipped). */
      dlqHeader: z.optional(z.string().check(z.minLength(1), z.maxLength(1_000))),
    }),
    keepKey: z._default(z.boolean(), true),
    keepHeaders: z._default(z.boolean(), true),
    /** same: the record's partition; key: chosen from the key (murmur2); fixed: `fixedPartition`. */
    partitioning: z._default(z.enum(['same', 'key', 'fixed']), 'key'),
    fixedPartition: z.optional(PartitionId),
    /** Only say how many records would go where. */
    dryRun: z._default(z.boolean(), false),
    keyFormat: z.optional(MessageFormat),
    valueFormat: z.optional(MessageFormat),
  })
  .check(
    z.refine((r) => r.target.topic !== undefined || r.target.dlqHeader !== undefined, { message: 'target.topic or target.dlqHeader is required', path: ['target', 'topic'] }),
    z.refine((r) => r.partitioning !== 'fixed' || r.fixedPartition !== undefined, { message: 'fixedPartition is required with partitioning "fixed"', path: ['fixedPartition'] }),
  );
export type ReplayRequest = z.infer<typeof ReplayRequestSchema>;
export type ReplayRequestInput = z.input<typeof ReplayRequestSchema>;

/** Where records go: per target topic and partition ("key" when the producer chooses by key). */
export const ReplayDestinationSchema = z.object({ topic: z.string(), partition: z.union([PartitionId, z.literal('by key')]), records: z.int() });

export const ReplayPlanSchema = z.object({
  cluster: z.string(),
  /** Records selected and read. */
  selected: z.int(),
  /** Records that would be (or were) produced. */
  toProduce: z.int(),
  /** Records left out, and why (no DLQ header, a target partition that does not exist, unreadable). */
  skipped: z.array(z.object({ partition: PartitionId, offset: OffsetString, reason: z.string() })),
  destinations: z.array(ReplayDestinationSchema),
  /** The first records and where each goes. */
  sample: z.array(z.object({ partition: PartitionId, offset: OffsetString, key: z.nullable(z.string()), topic: z.string(), targetPartition: z.union([PartitionId, z.literal('by key')]) })),
});
export type ReplayPlan = z.infer<typeof ReplayPlanSchema>;

/** Lines of the replay's NDJSON answer (without dryRun): progress, then a summary. */
export const ReplayEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('plan'), plan: ReplayPlanSchema }),
  z.object({ type: z.literal('progress'), produced: z.int(), total: z.int() }),
  z.object({
    type: z.literal('done'),
    produced: z.int(),
    skipped: z.int(),
    /** Where each produced record landed: first and last offset per target partition. */
    written: z.array(z.object({ topic: z.string(), partition: PartitionId, firstOffset: OffsetString, lastOffset: OffsetString, records: z.int() })),
  }),
  z.object({ type: z.literal('error'), title: z.string(), detail: z.optional(z.string()), produced: z.int() }),
]);
export type ReplayEvent = z.infer<typeof ReplayEventSchema>;
