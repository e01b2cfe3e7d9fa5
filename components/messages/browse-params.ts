// The message browser's URL: every choice (partition, start, stop, limit, order, cursor, key and value
// formats with the Protobuf descriptor file and type, time zone, the expanded row, the search) is a
// search parameter. The browse fields and their defaults come from the API's own schema
// (lib/schemas/message.ts), with `z.catch()` fallbacks so a shared or hand-edited link always opens
// something sensible; only the choices the server never sees (time zone, open row) are added here.
import { z } from 'zod/mini';
import { FilterExpression } from '@/lib/schemas/filter';
import { MessagesUrlSchema, SearchUrlSchema, type MessagesQuery, type SearchRequest } from '@/lib/schemas/message';

export const BrowseUrlSchema = z.extend(MessagesUrlSchema, {
  // The search (q, in, match): with q present the page shows the search's results instead of the
  // page of records; range, order, partition and formats are the view's own.
  ...SearchUrlSchema.shape,
  tz: z.catch(z.enum(['local', 'utc']), 'local'),
  /** The expanded message, as "partition-offset". */
  open: z.catch(z.optional(z.string().check(z.regex(/^\d+-\d+$/))), undefined),
  /** Browse pages, or follow new records live (`mode=live`). */
  mode: z.catch(z.enum(['browse', 'live']), 'browse'),
  /** A CEL filter applied on the server (browse, tail, export). */
  filter: z.catch(z.optional(FilterExpression), undefined),
  /** The live tail's window of rows. */
  rows: z.catch(z.coerce.number<string | number>().check(z.int(), z.gte(100), z.lte(10_000)), 1_000),
});
export type BrowseUrl = z.infer<typeof BrowseUrlSchema>;

/** The API query for a URL state: offset/timestamp only sent with the mode that uses them. */
export function toApiQuery(u: BrowseUrl): Partial<MessagesQuery> {
  return {
    partition: u.partition,
    from: u.from,
    offset: u.from === 'offset' ? (u.offset ?? '0') : undefined,
    timestamp: u.from === 'timestamp' ? (u.timestamp ?? 0) : undefined,
    to: u.to,
    toOffset: u.to === 'offset' ? (u.toOffset ?? '0') : undefined,
    toTimestamp: u.to === 'timestamp' ? (u.toTimestamp ?? 0) : undefined,
    limit: u.limit,
    order: u.order,
    cursor: u.cursor,
    keyFormat: u.keyFormat,
    valueFormat: u.valueFormat,
    protobufDesc: u.protobufDesc,
    protobufType: u.protobufType,
    filter: u.filter,
  };
}

export const rowId = (m: { partition: number; offset: string }) => `${m.partition}-${m.offset}`;

/** The search over the view the URL describes; null when no search is asked for. The view's limit is
 * how many matches one run returns (Continue asks for the next ones). */
export function toSearchRequest(u: BrowseUrl, maxScan: number): SearchRequest | null {
  if (!u.q) return null;
  const { limit, ...view } = toApiQuery({ ...u, cursor: undefined });
  return { ...view, q: u.q, in: u.in ?? 'key,value,headers', mode: u.match, limit, maxScan };
}
