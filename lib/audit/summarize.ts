// What of a request's parameters goes into the audit trail. Secrets never (any field whose name says
// password, secret, token or credential); message keys, values and header values only as sizes
// unless KAFSCOPE_AUDIT_PAYLOADS is set; long strings cut; the query string as it was.
import 'server-only';

const SECRET = /pass(word)?|secret|token|credential|jaas|private/i;
const PAYLOAD = new Set(['key', 'value', 'headers']);
const MAX_TEXT = 200;

function cut(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT)}… (${v.length} characters)` : v;
  if (Array.isArray(v)) return depth > 3 ? `[${v.length} items]` : v.slice(0, 50).map((x) => cut(x, depth + 1));
  if (v && typeof v === 'object') {
    if (depth > 3) return '{…}';
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v).slice(0, 50)) out[k] = SECRET.test(k) ? '[redacted]' : cut(x, depth + 1);
    return out;
  }
  return v;
}

function sizeOf(v: unknown): unknown {
  if (v === null || v === undefined) return v;
  if (typeof v === 'string') return { bytes: Buffer.byteLength(v) };
  if (Array.isArray(v)) return { items: v.length };
  return '[payload]';
}

export function summarizeParams(body: unknown, query: URLSearchParams, payloads: boolean): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of query) out[k] = SECRET.test(k) ? '[redacted]' : cut(v, 0);
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [k, v] of Object.entries(body)) {
      if (SECRET.test(k)) out[k] = '[redacted]';
      else if (PAYLOAD.has(k) && !payloads) out[k] = sizeOf(v);
      else out[k] = cut(v, 1);
    }
  }
  return Object.keys(out).length ? out : undefined;
}
