// The audit trail's entries and the audit page's query. An entry says when, who (and from which
// address), on which cluster and resource, which action, a summary of the parameters (never secrets,
// message payloads only by size unless configured), and the result, refusals and failures included.
import './zod-csp';
import { z } from 'zod';

export const AuditEntrySchema = z.object({
  time: z.string(),
  /** null: auth none (nobody signed in). */
  user: z.string().nullable(),
  address: z.string().nullable(),
  cluster: z.string().nullable(),
  /** A permission action (topic:create …) or login / logout. */
  action: z.string(),
  /** The topic, group or user name acted on. */
  resource: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
  result: z.object({ ok: z.boolean(), status: z.int(), detail: z.string().optional() }),
  /** A streamed read (search, tail, export) has two entries: when its answer starts, and when it
   * ends (how, after how long, having sent how many bytes). */
  stream: z
    .object({
      phase: z.enum(['start', 'end']),
      outcome: z.enum(['completed', 'cancelled', 'failed']).optional(),
      ms: z.int().optional(),
      bytes: z.int().optional(),
    })
    .optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const queryTime = z.coerce.number<string | number>().int().min(0).optional();
export const AuditQuerySchema = z.object({
  user: z.string().max(200).optional(),
  cluster: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  result: z.enum(['ok', 'failed']).optional(),
  /** Milliseconds since the epoch. */
  from: queryTime,
  to: queryTime,
  limit: z.coerce.number<string | number>().int().min(1).max(1000).default(200),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema) });
export type AuditList = z.infer<typeof AuditListSchema>;
