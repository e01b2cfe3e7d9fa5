// The client's address for the audit trail and the login throttle. Next.js puts the socket's address
// in X-Forwarded-For when the request has none; behind KAFSCOPE_TRUST_PROXY the last value is the
// one our proxy appended. Without a trusted proxy a client can send its own X-Forwarded-For, so the
// address is then only as good as what it says (the per-user throttle does not depend on it).
import 'server-only';
import type { EdgeConfig } from '../config';

export function clientAddress(headers: Headers, edge: EdgeConfig): string | null {
  const forwarded = headers.get('x-forwarded-for');
  if (!forwarded) return null;
  const values = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
  const v = edge.trustProxy ? values.at(-1) : values[0];
  return v ? v.slice(0, 100) : null;
}
