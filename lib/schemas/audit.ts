// The audit trail's entries and the audit page's query. An entry says when, who (and from which
// address), on which cluster and resource, which action, a summary of the parameters (never secrets,
// message payloads only by size unless configured), and the result, refusals and failures included.
import './zod-csp';
import { z } from 'zod/mini';

export const AuditEntrySchema = z.object({
  time: z.string(),
  /** null: auth none (nobody signed in). */
  user: z.nullable(z.string()),
  address: z.nullable(z.string()),
  cluster: z.nullable(z.string()),
  /** A permission action (topic:create …) or login / logout. */
  action: z.string(),
  /** The topic, group or user name acted on. */
  resource: z.nullable(z.string()),
  method: z.string(),
  path: z.string(),
  params: z.optional(z.record(z.string(), z.unknown())),
  result: z.object({ ok: z.boolean(), status: z.int(), detail: z.optional(z.string()) }),
  /** A streamed read (search, tail, export) has two entries: when its answer starts, and when it
   * ends (how, after how long, having sent how many bytes). */
  stream: z.optional(
    z.object({
      phase: z.enum(['start', 'end']),
      outcome: z.optional(z.enum(['completed', 'cancelled', 'failed'])),
      ms: z.optional(z.int()),
      bytes: z.optional(z.int()),
    }),
  ),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const queryTime = z.optional(z.coerce.number<string | number>().check(z.int(), z.gte(0)));
export const AuditQuerySchema = z.object({
  user: z.optional(z.string().check(z.maxLength(200))),
  cluster: z.optional(z.string().check(z.maxLength(200))),
  action: z.optional(z.string().check(z.maxLength(100))),
  result: z.optional(z.enum(['ok', 'failed'])),
  /** Milliseconds since the epoch. */
  from: queryTime,
  to: queryTime,
  limit: z._default(z.coerce.number<string | number>().check(z.int(), z.gte(1), z.lte(1000)), 200),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema) });
export type AuditList = z.infer<typeof AuditListSchema>;
