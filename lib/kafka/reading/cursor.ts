// Opaque page cursors for the message browser: a version, the reading direction and, per partition,
// the offset to continue from — base64url JSON, so the browser passes them back untouched and a
// tampered cursor is a 400, not a crash. Offsets stay decimal strings (64-bit safe).
import 'server-only';
import { z } from 'zod';
import { invalid } from '../errors';
import { OffsetString } from '../../schemas/common';

const CursorSchema = z.object({
  v: z.literal(1),
  /** fwd: read offsets >= pos; back: read offsets < pos. */
  dir: z.enum(['fwd', 'back']),
  pos: z.record(z.string().regex(/^\d{1,7}$/), OffsetString),
});
export type Cursor = { dir: 'fwd' | 'back'; pos: Map<number, bigint> };

export function encodeCursor(c: Cursor): string {
  const pos = Object.fromEntries([...c.pos].map(([p, o]) => [String(p), o.toString()]));
  return Buffer.from(JSON.stringify({ v: 1, dir: c.dir, pos }), 'utf8').toString('base64url');
}

export function decodeCursor(s: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw invalid('The cursor is not one this server issued.', 'cursor');
  }
  const r = CursorSchema.safeParse(parsed);
  if (!r.success) throw invalid('The cursor is not one this server issued.', 'cursor');
  return { dir: r.data.dir, pos: new Map(Object.entries(r.data.pos).map(([p, o]) => [Number(p), BigInt(o)])) };
}
