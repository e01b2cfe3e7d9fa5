// Shapes every DTO shares. Offsets, watermarks and lags are 64-bit in Kafka, so they cross HTTP as
// decimal strings and are never parsed through Number; the helpers here are the one place that
// converts between the string form and bigint.
import './zod-csp';
import { z } from 'zod/mini';

/** A signed 64-bit integer written in decimal (offsets, watermarks, counts of messages, lags). */
export const INT64_SHAPE = /^-?\d{1,19}$/;
export const Int64String = z.string().check(
  z.regex(INT64_SHAPE, 'must be a whole number'),
  z.refine((s) => {
    // zod runs refinements even after a failed regex, so check the shape before BigInt().
    if (!INT64_SHAPE.test(s)) return true;
    const n = BigInt(s);
    return n >= -(2n ** 63n) && n < 2n ** 63n;
  }, 'must fit in 64 bits'),
);
export type Int64String = z.infer<typeof Int64String>;

/** A non-negative 64-bit offset written in decimal. */
export const OffsetString = Int64String.check(z.refine((s) => !s.startsWith('-'), 'must not be negative'));

export const toInt64String = (n: bigint): string => n.toString();
export const parseInt64 = (s: string): bigint => BigInt(s);

export const NodeId = z.int().check(z.gte(-1));
export const PartitionId = z.int().check(z.gte(0), z.lte(1_000_000));

/** application/problem+json (RFC 9457). `field` names the input that was wrong; `kafkaError` the
 * Kafka error name when the cluster refused. Never a stack trace. */
export const ProblemSchema = z.object({
  type: z._default(z.string(), 'about:blank'),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  field: z.optional(z.string()),
  kafkaError: z.optional(z.string()),
  /** Where in the input (a filter expression) the problem is: character offsets, end exclusive. */
  position: z.optional(z.object({ start: z.int().check(z.nonnegative()), end: z.int().check(z.nonnegative()) })),
  /** A 403 for want of a permission names it (topic:delete …). */
  permission: z.optional(z.string()),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const SortDir = z.enum(['asc', 'desc']);

/** One page of a server-side filtered and sorted list. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int().check(z.nonnegative()),
    page: z.int().check(z.gte(1)),
    pageSize: z.int().check(z.gte(1)),
  });
}

/** Query-string paging: tolerant of junk in a shared URL (falls back to defaults). */
export const PageQuery = {
  page: z.catch(z.coerce.number().check(z.int(), z.gte(1)), 1),
  pageSize: z.catch(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 50),
};

/** A topic/partition pair as used by many requests. */
export const TopicPartition = z.object({ topic: z.string(), partition: PartitionId });
export type TopicPartition = z.infer<typeof TopicPartition>;
