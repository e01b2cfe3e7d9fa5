// The message browser's URL: every choice (partition, start, limit, order, cursor, time zone, the
// expanded row) is a search parameter, parsed with `.catch()` fallbacks so a shared or hand-edited
// link always opens something sensible.
import { z } from 'zod';
import { OffsetString } from '@/lib/schemas/common';
import { FromMode, MESSAGE_LIMIT_MAX, type MessagesQuery } from '@/lib/schemas/message';

const optionalInt = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).optional()).catch(undefined);

export const BrowseUrlSchema = z.object({
  partition: optionalInt,
  from: FromMode.catch('latest'),
  offset: OffsetString.optional().catch(undefined),
  timestamp: optionalInt,
  limit: z.coerce.number().int().min(1).max(MESSAGE_LIMIT_MAX).catch(50),
  order: z.enum(['asc', 'desc']).catch('desc'),
  cursor: z.string().max(100_000).optional().catch(undefined),
  tz: z.enum(['local', 'utc']).catch('local'),
  /** The expanded message, as "partition-offset". */
  open: z.string().regex(/^\d+-\d+$/).optional().catch(undefined),
});
export type BrowseUrl = z.infer<typeof BrowseUrlSchema>;

/** The API query for a URL state: offset/timestamp only sent with the mode that uses them. */
export function toApiQuery(u: BrowseUrl): Partial<MessagesQuery> {
  return {
    partition: u.partition,
    from: u.from,
    offset: u.from === 'offset' ? (u.offset ?? '0') : undefined,
    timestamp: u.from === 'timestamp' ? (u.timestamp ?? 0) : undefined,
    limit: u.limit,
    order: u.order,
    cursor: u.cursor,
  };
}

export const rowId = (m: { partition: number; offset: string }) => `${m.partition}-${m.offset}`;
