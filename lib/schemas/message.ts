// Message browsing, produce and search DTOs. Keys, values and headers are untrusted bytes: they are
// sent as text (when valid UTF-8) and/or base64, and the browser renders them as text only.
import './zod-csp';
import { z } from 'zod/mini';
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
  id: z.int().check(z.positive()),
  subject: z.optional(z.string()),
  version: z.optional(z.int().check(z.positive())),
  type: z.optional(z.enum(['AVRO', 'PROTOBUF', 'JSON'])),
});
export type PayloadSchemaRef = z.infer<typeof PayloadSchemaRefSchema>;

export const PayloadSchema = z.object({
  /** json: valid UTF-8 that parses as JSON; text: other valid UTF-8; binary: not valid UTF-8 (or
   * undecodable in the chosen format). avro, protobuf, json-schema, msgpack, int, long: decoded by
   * that format; `text` is then the value as exact JSON text (64-bit integers written in full). */
  encoding: z.enum(['json', 'text', 'binary', 'avro', 'protobuf', 'json-schema', 'msgpack', 'int', 'long']),
  /** The UTF-8 or decoded JSON text (null for binary). May be cut at the server's payload cap: see `truncated`. */
  text: z.nullable(z.string()),
  /** The raw bytes in base64: always for binary and for decoded formats (so the hex view shows what
   * was on the wire); null for text and json, whose bytes are the text. */
  base64: z.nullable(z.string()),
  /** Size of the payload in bytes, before any truncation. */
  size: z.int().check(z.nonnegative()),
  truncated: z._default(z.boolean(), false),
  /** Why decoding failed, shown as a badge beside the raw bytes. */
  error: z.optional(z.string()),
  /** The registry schema the bytes named (Confluent framing). */
  schema: z.optional(PayloadSchemaRefSchema),
  /** Things worth knowing about the decoding (e.g. a Protobuf frame without message indexes). */
  notes: z.optional(z.array(z.string())),
});
export type Payload = z.infer<typeof PayloadSchema>;

export const HeaderSchema = z.object({
  key: z.string(),
  encoding: z.enum(['text', 'binary', 'null']),
  text: z.nullable(z.string()),
  base64: z.nullable(z.string()),
});
export type Header = z.infer<typeof HeaderSchema>;

export const MessageSchema = z.object({
  partition: PartitionId,
  offset: OffsetString,
  /** Milliseconds since the epoch; -1 when the producer set none. */
  timestamp: z.number(),
  timestampType: z.enum(['CreateTime', 'LogAppendTime']),
  key: z.nullable(PayloadSchema),
  value: z.nullable(PayloadSchema),
  headers: z.array(HeaderSchema),
  compression: z.nullable(z.enum(['none', 'gzip', 'snappy', 'lz4', 'zstd'])),
  transactional: z.nullable(z.boolean()),
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
const queryInt = () => z.coerce.number<string | number>().check(z.int());

/** The browse choices' one set of defaults, for the API and the browser's URL alike: the newest 50
 * messages, newest first. */
export const BROWSE_DEFAULTS = { from: 'latest', to: 'end', limit: 50, order: 'desc' } as const;

/** valueFormat=protobuf without Confluent framing: the descriptor file in PROTOBUFDESC_DIRECTORY
 * (default `<topic>.desc`) and the message type in it (default: the main file's first message).
 * Taken by browse, search, tail and export alike. */
export const protobufFields = {
  protobufDesc: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
  protobufType: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
};

/** Every browse field, defined once. The API's query (strict, with defaults) and the browser's URL
 * (tolerant, with `.catch()` fallbacks) are both built from these, so they cannot drift apart. */
const browseFields = {
  /** Absent: all partitions, merged by timestamp. */
  partition: z.optional(queryInt().check(z.gte(0))),
  from: FromMode,
  /** With from=offset. */
  offset: z.optional(OffsetString),
  /** With from=timestamp: milliseconds since the epoch. */
  timestamp: z.optional(queryInt().check(z.gte(0))),
  to: ToMode,
  /** With to=offset: the last offset included. */
  toOffset: z.optional(OffsetString),
  /** With to=timestamp: milliseconds since the epoch, included. */
  toTimestamp: z.optional(queryInt().check(z.gte(0))),
  limit: queryInt().check(z.gte(1), z.lte(MESSAGE_LIMIT_MAX)),
  order: BrowseOrder,
  /** Opaque position returned as next/prev by a previous page; overrides from/offset/timestamp. */
  cursor: z.optional(z.string().check(z.maxLength(100_000))),
  /** How keys and values are read; absent: the cluster's default (itself `auto` unless configured). */
  keyFormat: z.optional(MessageFormat),
  valueFormat: z.optional(MessageFormat),
  ...protobufFields,
};

/** Query of GET /api/clusters/:cluster/topics/:topic/messages: a wrong value is a 400. */
export const MessagesQuerySchema = z.object({
  ...browseFields,
  /** A CEL filter (see README "Filters"): a page keeps the records of its range that pass. */
  filter: z.optional(FilterExpression),
  from: z._default(browseFields.from, BROWSE_DEFAULTS.from),
  to: z._default(browseFields.to, BROWSE_DEFAULTS.to),
  limit: z._default(browseFields.limit, BROWSE_DEFAULTS.limit),
  order: z._default(browseFields.order, BROWSE_DEFAULTS.order),
});
export type MessagesQuery = z.infer<typeof MessagesQuerySchema>;

/** An empty query value ("?partition=") means "not chosen" in a URL someone edited by hand. */
const emptyAsAbsent = <S extends z.ZodMiniType>(schema: S) => z.pipe(z.transform((v) => (v === '' ? undefined : v)), schema);

/** The same fields as they appear in the message browser's page URL: anything unusable in a shared
 * or hand-edited link falls back to the default instead of failing the page. */
export const MessagesUrlSchema = z.object({
  partition: z.catch(emptyAsAbsent(browseFields.partition), undefined),
  from: z.catch(browseFields.from, BROWSE_DEFAULTS.from),
  offset: z.catch(browseFields.offset, undefined),
  timestamp: z.catch(emptyAsAbsent(browseFields.timestamp), undefined),
  to: z.catch(browseFields.to, BROWSE_DEFAULTS.to),
  toOffset: z.catch(browseFields.toOffset, undefined),
  toTimestamp: z.catch(emptyAsAbsent(browseFields.toTimestamp), undefined),
  limit: z.catch(browseFields.limit, BROWSE_DEFAULTS.limit),
  order: z.catch(browseFields.order, BROWSE_DEFAULTS.order),
  cursor: z.catch(browseFields.cursor, undefined),
  // Absent stays absent (the cluster's default); a value that is not a format reads as `auto`.
  keyFormat: z.catch(emptyAsAbsent(browseFields.keyFormat), 'auto'),
  valueFormat: z.catch(emptyAsAbsent(browseFields.valueFormat), 'auto'),
  // Used only when values are read as unframed Protobuf; a link naming a file or type that is not
  // there shows a badge on each record saying so.
  protobufDesc: z.catch(emptyAsAbsent(browseFields.protobufDesc), undefined),
  protobufType: z.catch(emptyAsAbsent(browseFields.protobufType), undefined),
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
  notices: z._default(z.array(RangeNoticeSchema), []),
  messages: z.array(MessageSchema),
  next: z.nullable(z.string()),
  prev: z.nullable(z.string()),
});
export type MessagePage = z.infer<typeof MessagePageSchema>;

/** A registry subject and version (or latest) to encode a produced key or value with. */
export const SchemaChoiceSchema = z.object({ subject: SubjectName, version: z._default(VersionParam, 'latest') });
export type SchemaChoice = z.infer<typeof SchemaChoiceSchema>;

/** Messages one produce request may carry. */
export const PRODUCE_BATCH_MAX = 1000;

/** One message to produce. A null value is a tombstone (on a compacted topic it deletes the key);
 * an empty string is a value of 0 bytes, which is not the same thing. */
export const ProduceMessageSchema = z.strictObject({
  key: z._default(z.nullable(z.string()), null),
  value: z._default(z.nullable(z.string()), null),
  headers: z._default(z.array(z.object({ key: z.string().check(z.minLength(1)), value: z.string() })), []),
  /** Absent: the partition is chosen from the key (murmur2, like Java clients), round-robin when null. */
  partition: z.optional(PartitionId),
  /** The record's CreateTime in milliseconds since the epoch; absent: the time of sending. */
  timestamp: z.optional(z.int().check(z.gte(0), z.lte(8_640_000_000_000_000))),
  /** Encode the key / value (typed as JSON) with this registry subject's schema, Confluent-framed. */
  keySchema: z.optional(SchemaChoiceSchema),
  valueSchema: z.optional(SchemaChoiceSchema),
});
export type ProduceMessage = z.infer<typeof ProduceMessageSchema>;

/** Body of POST .../messages: one message, or several (`messages`), written in order. */
export const ProduceRequestSchema = z.union([z.strictObject({ messages: z.array(ProduceMessageSchema).check(z.minLength(1), z.maxLength(PRODUCE_BATCH_MAX)) }), ProduceMessageSchema]);
export type ProduceRequest = z.input<typeof ProduceRequestSchema>;
const WrittenSchema = z.object({ partition: PartitionId, offset: OffsetString });
/** Where the (first) message landed, and where each one did. */
export const ProduceResponseSchema = z.extend(WrittenSchema, { messages: z.array(WrittenSchema) });

/** What a search looks for; the same fields in the API's query and the page URL. */
const searchFields = {
  q: z.string().check(z.minLength(1), z.maxLength(1_000)),
  in: z.pipe(
    z.pipe(
      z._default(z.string(), 'key,value,headers'),
      z.transform((s: string) => s.split(',').map((x) => x.trim())),
    ),
    z.array(z.enum(['key', 'value', 'headers'])).check(z.minLength(1)),
  ),
  mode: z._default(z.enum(['contains', 'regex']), 'contains'),
  // Type-only: mini types stringbool's input as unknown; classic as string (the same parser).
  caseSensitive: z._default(z.stringbool() as z.ZodMiniCodec<z.ZodMiniString<string>, z.ZodMiniBoolean<boolean>>, false),
};

/** Query of GET .../search: what to look for, and the view it looks in — partition, range and order,
 * the browse fields with their defaults. The search reads in the order's direction: newest first
 * scans backwards from the end (or from `from`), oldest first forwards from the log start (or from
 * `from`), each down or up to `to`; earliest and latest both mean "from the end the order starts at". */
export const SearchQuerySchema = z.object({
  ...searchFields,
  partition: browseFields.partition,
  from: z._default(browseFields.from, BROWSE_DEFAULTS.from),
  offset: browseFields.offset,
  timestamp: browseFields.timestamp,
  to: z._default(browseFields.to, BROWSE_DEFAULTS.to),
  toOffset: browseFields.toOffset,
  toTimestamp: browseFields.toTimestamp,
  order: z._default(browseFields.order, BROWSE_DEFAULTS.order),
  /** Continue a search where it stopped: the `cursor` of its last progress or done event. */
  cursor: browseFields.cursor,
  limit: z._default(queryInt().check(z.gte(1), z.lte(MESSAGE_LIMIT_MAX)), 100),
  maxScan: z._default(queryInt().check(z.gte(1), z.lte(10_000_000)), 100_000),
  /** A CEL filter a match must also pass. */
  filter: z.optional(FilterExpression),
  /** As in browsing: search matches the text as decoded in these formats. */
  keyFormat: browseFields.keyFormat,
  valueFormat: browseFields.valueFormat,
  protobufDesc: browseFields.protobufDesc,
  protobufType: browseFields.protobufType,
});
/** The search as it appears in the message browser's URL (range and order are the view's own). */
export const SearchUrlSchema = z.object({
  q: z.catch(z.optional(searchFields.q), undefined),
  in: z.catch(z.optional(z.string().check(z.regex(/^(key|value|headers)(,(key|value|headers))*$/))), undefined),
  /** The search's `mode` (contains, regex), named apart from the page's own `mode` (browse, live). */
  match: z.catch(searchFields.mode, 'contains'),
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
    cursor: z.nullable(z.string()),
  }),
  z.object({ type: z.literal('match'), message: MessageSchema }),
  z.object({
    type: z.literal('done'),
    reason: z.enum(['limit', 'budget', 'end', 'cancelled']),
    scanned: z.int(),
    matched: z.int(),
    /** Where to continue (null when the whole range was searched). */
    cursor: z.nullable(z.string()),
  }),
  z.object({ type: z.literal('error'), title: z.string(), detail: z.optional(z.string()) }),
]);
export type SearchEvent = z.infer<typeof SearchEventSchema>;
