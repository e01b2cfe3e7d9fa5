// Message browsing, produce and search DTOs. Keys, values and headers are untrusted bytes: they are
// sent as text (when valid UTF-8) and/or base64, and the browser renders them as text only.
import './zod-csp';
import { z } from 'zod';
import { OffsetString, PartitionId } from './common';
import { SubjectName, VersionParam } from './schema-registry';
import { FilterExpression } from './filter';

export const MESSAGE_LIMIT_MAX = 1000;

/** How a key or value is read: `auto` tries Confluent framing (schema registry), then JSON, text and
 * binary; the others force one format (a record that does not fit it gets an error badge). */
export const MessageFormat = z.enum(['auto', 'json', 'text', 'avro', 'protobuf', 'json-schema', 'msgpack', 'int', 'long', 'binary']);
export type MessageFormat = z.infer<typeof MessageFormat>;
export const MESSAGE_FORMATS = MessageFormat.options;

/** The registry schema a decoded (or undecodable) payload was framed with. */
export const PayloadSchemaRefSchema = z.object({
  id: z.int().positive(),
  subject: z.string().optional(),
  version: z.int().positive().optional(),
  type: z.enum(['AVRO', 'PROTOBUF', 'JSON']).optional(),
});
export type PayloadSchemaRef = z.infer<typeof PayloadSchemaRefSchema>;

export const PayloadSchema = z.object({
  /** json: valid UTF-8 that parses as JSON; text: other valid UTF-8; binary: not valid UTF-8 (or
   * undecodable in the chosen format). avro, protobuf, json-schema, msgpack, int, long: decoded by
   * that format; `text` is then the value as exact JSON text (64-bit integers written in full). */
  encoding: z.enum(['json', 'text', 'binary', 'avro', 'protobuf', 'json-schema', 'msgpack', 'int', 'long']),
  /** The UTF-8 or decoded JSON text (null for binary). May be cut at the server's payload cap: see `truncated`. */
  text: z.string().nullable(),
  /** The raw bytes in base64: always for binary and for decoded formats (so the hex view shows what
   * was on the wire); null for text and json, whose bytes are the text. */
  base64: z.string().nullable(),
  /** Size of the payload in bytes, before any truncation. */
  size: z.int().nonnegative(),
  truncated: z.boolean().default(false),
  /** Why decoding failed, shown as a badge beside the raw bytes. */
  error: z.string().optional(),
  /** The registry schema the bytes named (Confluent framing). */
  schema: PayloadSchemaRefSchema.optional(),
  /** Things worth knowing about the decoding (e.g. a Protobuf frame without message indexes). */
  notes: z.array(z.string()).optional(),
});
export type Payload = z.infer<typeof PayloadSchema>;

export const HeaderSchema = z.object({
  key: z.string(),
  encoding: z.enum(['text', 'binary', 'null']),
  text: z.string().nullable(),
  base64: z.string().nullable(),
});
export type Header = z.infer<typeof HeaderSchema>;

export const MessageSchema = z.object({
  partition: PartitionId,
  offset: OffsetString,
  /** Milliseconds since the epoch; -1 when the producer set none. */
  timestamp: z.number(),
  timestampType: z.enum(['CreateTime', 'LogAppendTime']),
  key: PayloadSchema.nullable(),
  value: PayloadSchema.nullable(),
  headers: z.array(HeaderSchema),
  compression: z.enum(['none', 'gzip', 'snappy', 'lz4', 'zstd']).nullable(),
  transactional: z.boolean().nullable(),
});
export type Message = z.infer<typeof MessageSchema>;

/** Where a read starts. earliest and latest are the two ends of the log; an offset or a timestamp
 * starts there in the order's direction: oldest first from T means the records at or after T, newest
 * first from T the records at or before T (offsets alike). */
export const FromMode = z.enum(['earliest', 'latest', 'offset', 'timestamp']);
/** Where a read stops, the far end from `from` in the reading direction: `end` is the end of the
 * log; an offset or a timestamp is the last record included (oldest first: the newest kept, at or
 * before it; newest first: the oldest kept, at or after it). */
export const ToMode = z.enum(['end', 'offset', 'timestamp']);
export const BrowseOrder = z.enum(['asc', 'desc']);

/** A whole number from a query string: typed as string or number on the way in, number out. */
const queryInt = () => z.coerce.number<string | number>().int();

/** The browse choices' one set of defaults, for the API and the browser's URL alike: the newest 50
 * messages, newest first. */
export const BROWSE_DEFAULTS = { from: 'latest', to: 'end', limit: 50, order: 'desc' } as const;

/** valueFormat=protobuf without Confluent framing: the descriptor file in PROTOBUFDESC_DIRECTORY
 * (default `<topic>.desc`) and the message type in it (default: the main file's first message).
 * Taken by browse, search, tail and export alike. */
export const protobufFields = {
  protobufDesc: z.string().min(1).max(255).optional(),
  protobufType: z.string().min(1).max(500).optional(),
};

/** Every browse field, defined once. The API's query (strict, with defaults) and the browser's URL
 * (tolerant, with `.catch()` fallbacks) are both built from these, so they cannot drift apart. */
const browseFields = {
  /** Absent: all partitions, merged by timestamp. */
  partition: queryInt().min(0).optional(),
  from: FromMode,
  /** With from=offset. */
  offset: OffsetString.optional(),
  /** With from=timestamp: milliseconds since the epoch. */
  timestamp: queryInt().min(0).optional(),
  to: ToMode,
  /** With to=offset: the last offset included. */
  toOffset: OffsetString.optional(),
  /** With to=timestamp: milliseconds since the epoch, included. */
  toTimestamp: queryInt().min(0).optional(),
  limit: queryInt().min(1).max(MESSAGE_LIMIT_MAX),
  order: BrowseOrder,
  /** Opaque position returned as next/prev by a previous page; overrides from/offset/timestamp. */
  cursor: z.string().max(100_000).optional(),
  /** How keys and values are read; absent: the cluster's default (itself `auto` unless configured). */
  keyFormat: MessageFormat.optional(),
  valueFormat: MessageFormat.optional(),
  ...protobufFields,
};

/** Query of GET /api/clusters/:cluster/topics/:topic/messages: a wrong value is a 400. */
export const MessagesQuerySchema = z.object({
  ...browseFields,
  /** A CEL filter (see README "Filters"): a page keeps the records of its range that pass. */
  filter: FilterExpression.optional(),
  from: browseFields.from.default(BROWSE_DEFAULTS.from),
  to: browseFields.to.default(BROWSE_DEFAULTS.to),
  limit: browseFields.limit.default(BROWSE_DEFAULTS.limit),
  order: browseFields.order.default(BROWSE_DEFAULTS.order),
});
export type MessagesQuery = z.infer<typeof MessagesQuerySchema>;

/** An empty query value ("?partition=") means "not chosen" in a URL someone edited by hand. */
const emptyAsAbsent = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? undefined : v), schema);

/** The same fields as they appear in the message browser's page URL: anything unusable in a shared
 * or hand-edited link falls back to the default instead of failing the page. */
export const MessagesUrlSchema = z.object({
  partition: emptyAsAbsent(browseFields.partition).catch(undefined),
  from: browseFields.from.catch(BROWSE_DEFAULTS.from),
  offset: browseFields.offset.catch(undefined),
  timestamp: emptyAsAbsent(browseFields.timestamp).catch(undefined),
  to: browseFields.to.catch(BROWSE_DEFAULTS.to),
  toOffset: browseFields.toOffset.catch(undefined),
  toTimestamp: emptyAsAbsent(browseFields.toTimestamp).catch(undefined),
  limit: browseFields.limit.catch(BROWSE_DEFAULTS.limit),
  order: browseFields.order.catch(BROWSE_DEFAULTS.order),
  cursor: browseFields.cursor.catch(undefined),
  // Absent stays absent (the cluster's default); a value that is not a format reads as `auto`.
  keyFormat: emptyAsAbsent(browseFields.keyFormat).catch('auto'),
  valueFormat: emptyAsAbsent(browseFields.valueFormat).catch('auto'),
  // Used only when values are read as unframed Protobuf; a link naming a file or type that is not
  // there shows a badge on each record saying so.
  protobufDesc: emptyAsAbsent(browseFields.protobufDesc).catch(undefined),
  protobufType: emptyAsAbsent(browseFields.protobufType).catch(undefined),
});
export type MessagesUrl = z.infer<typeof MessagesUrlSchema>;

export const WatermarksSchema = z.object({ partition: PartitionId, low: OffsetString, high: OffsetString });

/** A bound of the range that could not be used as asked: an offset below the log start (deleted by
 * retention or a purge) moves to the log start, and says so instead of silently starting later. */
export const RangeNoticeSchema = z.object({
  partition: PartitionId,
  bound: z.enum(['from', 'to']),
  reason: z.literal('below-log-start'),
  requested: OffsetString,
  /** The offset used instead (the log start). */
  used: OffsetString,
});
export type RangeNotice = z.infer<typeof RangeNoticeSchema>;

export const MessagePageSchema = z.object({
  topic: z.string(),
  watermarks: z.array(WatermarksSchema),
  notices: z.array(RangeNoticeSchema).default([]),
  messages: z.array(MessageSchema),
  next: z.string().nullable(),
  prev: z.string().nullable(),
});
export type MessagePage = z.infer<typeof MessagePageSchema>;

/** A registry subject and version (or latest) to encode a produced key or value with. */
export const SchemaChoiceSchema = z.object({ subject: SubjectName, version: VersionParam.default('latest') });
export type SchemaChoice = z.infer<typeof SchemaChoiceSchema>;

/** Messages one produce request may carry. */
export const PRODUCE_BATCH_MAX = 1000;

/** One message to produce. A null value is a tombstone (on a compacted topic it deletes the key);
 * an empty string is a value of 0 bytes, which is not the same thing. */
export const ProduceMessageSchema = z
  .object({
    key: z.string().nullable().default(null),
    value: z.string().nullable().default(null),
    headers: z.array(z.object({ key: z.string().min(1), value: z.string() })).default([]),
    /** Absent: the partition is chosen from the key (murmur2, like Java clients), round-robin when null. */
    partition: PartitionId.optional(),
    /** The record's CreateTime in milliseconds since the epoch; absent: the time of sending. */
    timestamp: z.int().min(0).max(8_640_000_000_000_000).optional(),
    /** Encode the key / value (typed as JSON) with this registry subject's schema, Confluent-framed. */
    keySchema: SchemaChoiceSchema.optional(),
    valueSchema: SchemaChoiceSchema.optional(),
  })
  .strict();
export type ProduceMessage = z.infer<typeof ProduceMessageSchema>;

/** Body of POST .../messages: one message, or several (`messages`), written in order. */
export const ProduceRequestSchema = z.union([z.object({ messages: z.array(ProduceMessageSchema).min(1).max(PRODUCE_BATCH_MAX) }).strict(), ProduceMessageSchema]);
export type ProduceRequest = z.input<typeof ProduceRequestSchema>;
const WrittenSchema = z.object({ partition: PartitionId, offset: OffsetString });
/** Where the (first) message landed, and where each one did. */
export const ProduceResponseSchema = WrittenSchema.extend({ messages: z.array(WrittenSchema) });

/** What a search looks for; the same fields in the API's query and the page URL. */
const searchFields = {
  q: z.string().min(1).max(1_000),
  in: z
    .string()
    .default('key,value,headers')
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(['key', 'value', 'headers'])).min(1)),
  mode: z.enum(['contains', 'regex']).default('contains'),
  caseSensitive: z.stringbool().default(false),
};

/** Query of GET .../search: what to look for, and the view it looks in — partition, range and order,
 * the browse fields with their defaults. The search reads in the order's direction: newest first
 * scans backwards from the end (or from `from`), oldest first forwards from the log start (or from
 * `from`), each down or up to `to`; earliest and latest both mean "from the end the order starts at". */
export const SearchQuerySchema = z.object({
  ...searchFields,
  partition: browseFields.partition,
  from: browseFields.from.default(BROWSE_DEFAULTS.from),
  offset: browseFields.offset,
  timestamp: browseFields.timestamp,
  to: browseFields.to.default(BROWSE_DEFAULTS.to),
  toOffset: browseFields.toOffset,
  toTimestamp: browseFields.toTimestamp,
  order: browseFields.order.default(BROWSE_DEFAULTS.order),
  /** Continue a search where it stopped: the `cursor` of its last progress or done event. */
  cursor: browseFields.cursor,
  limit: queryInt().min(1).max(MESSAGE_LIMIT_MAX).default(100),
  maxScan: queryInt().min(1).max(10_000_000).default(100_000),
  /** A CEL filter a match must also pass. */
  filter: FilterExpression.optional(),
  /** As in browsing: search matches the text as decoded in these formats. */
  keyFormat: browseFields.keyFormat,
  valueFormat: browseFields.valueFormat,
  protobufDesc: browseFields.protobufDesc,
  protobufType: browseFields.protobufType,
});
/** The search as it appears in the message browser's URL (range and order are the view's own). */
export const SearchUrlSchema = z.object({
  q: searchFields.q.optional().catch(undefined),
  in: z.string().regex(/^(key|value|headers)(,(key|value|headers))*$/).optional().catch(undefined),
  /** The search's `mode` (contains, regex), named apart from the page's own `mode` (browse, live). */
  match: searchFields.mode.catch('contains'),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;
/** What a caller may send as the search's query string (before defaults and parsing). */
export type SearchRequest = z.input<typeof SearchQuerySchema>;

/** One line of the NDJSON search stream. */
export const SearchEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    scanned: z.int(),
    matched: z.int(),
    /** Per partition: where the scan started, where it is, and where it stops (newest first, the
     * position goes down from start to end). */
    partitions: z.array(
      z.object({ partition: PartitionId, start: OffsetString, position: OffsetString, end: OffsetString, done: z.boolean() }),
    ),
    /** Where to continue after the matches sent so far (null: nothing left in the range). */
    cursor: z.string().nullable(),
  }),
  z.object({ type: z.literal('match'), message: MessageSchema }),
  z.object({
    type: z.literal('done'),
    reason: z.enum(['limit', 'budget', 'end', 'cancelled']),
    scanned: z.int(),
    matched: z.int(),
    /** Where to continue (null when the whole range was searched). */
    cursor: z.string().nullable(),
  }),
  z.object({ type: z.literal('error'), title: z.string(), detail: z.string().optional() }),
]);
export type SearchEvent = z.infer<typeof SearchEventSchema>;
