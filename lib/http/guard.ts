// Cross-site request forgery defence for mutating routes. A browser always says where a request comes
// from (Sec-Fetch-Site, or at least Origin on a cross-origin POST); we accept only the same origin.
// Tools such as curl send neither header and are not browsers, so they are let through. A JSON body
// is required too: an HTML form cannot send application/json without a CORS preflight, which we
// never grant.
import 'server-only';
import { forbidden, unsupportedMediaType } from './problem';

function requestHosts(request: Request): Set<string> {
  const hosts = new Set<string>();
  const url = new URL(request.url);
  hosts.add(url.host);
  const host = request.headers.get('host');
  if (host) hosts.add(host);
  const forwarded = request.headers.get('x-forwarded-host');
  if (forwarded) for (const h of forwarded.split(',')) hosts.add(h.trim());
  return hosts;
}

export function assertSameOrigin(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) {
    if (site === 'same-origin' || site === 'none') return;
    throw forbidden('Cross-site requests may not change the cluster.');
  }
  const origin = request.headers.get('origin');
  if (origin === null) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw forbidden('Cross-site requests may not change the cluster.');
  }
  if (!requestHosts(request).has(host)) throw forbidden('Cross-site requests may not change the cluster.');
}

export function assertJsonBody(request: Request): void {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && !(type?.startsWith('application/') && type.endsWith('+json'))) {
    throw unsupportedMediaType('The request body must be application/json.');
  }
}
