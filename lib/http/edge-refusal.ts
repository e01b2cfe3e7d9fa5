// What the proxy refuses before anything else runs, for every path: a request addressed to a name
// this console does not answer to (421: DNS rebinding sends the attacker's own name), a path with a
// broken percent-escape (400), a body declared larger than the limit (413, before it is read).
// API paths get application/problem+json like every other API error; pages a short plain text.
//
// One exception to the name check: GET /api/health, which says only "ok", its version and uptime.
// Orchestrators probe it by the container's IP address (Kubernetes sends Host: <pod IP>:<port>),
// which no configuration can list in advance.
import 'server-only';
import type { EdgeConfig } from '../config';
import { declaresMoreThan } from './body-limit';
import { hasMalformedEscape } from './path-escapes';
import { problemResponse } from './problem';
import type { RequestSite } from './request-site';

export interface EdgeRequest {
  method: string;
  pathname: string;
  headers: Headers;
}

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');
const isHealthProbe = (r: EdgeRequest) => r.pathname === '/api/health' && (r.method === 'GET' || r.method === 'HEAD');

/** Printable and short, for echoing a header value back. */
const shown = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 200);

function refusal(r: EdgeRequest, status: number, title: string, detail: string): Response {
  if (isApi(r.pathname)) return problemResponse({ type: 'about:blank', title, status, detail });
  return new Response(`${status} ${title}\n\n${detail}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export function edgeRefusal(r: EdgeRequest, edge: EdgeConfig, site: RequestSite): Response | null {
  if (!site.allowed && !isHealthProbe(r)) {
    const name = site.host === null ? 'no host name' : `the host name "${shown(site.host)}"`;
    return refusal(r, 421, 'Misdirected Request', `This console does not answer to ${name}. Its operator can set KAFSCOPE_PUBLIC_URL or add the name to KAFSCOPE_ALLOWED_HOSTS.`);
  }
  if (hasMalformedEscape(r.pathname)) return refusal(r, 400, 'Invalid request', 'The path has a malformed percent-escape.');
  if (declaresMoreThan(r.headers, edge.maxBodyBytes)) {
    return refusal(r, 413, 'Payload too large', `The request body is larger than ${edge.maxBodyBytes} bytes (KAFSCOPE_MAX_BODY_BYTES).`);
  }
  return null;
}
