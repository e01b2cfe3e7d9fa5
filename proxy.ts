// The edge: runs before routing for every request except Next's static files (content-hashed build
// output, public by nature). In order:
// 1. Refusals (lib/http/edge-refusal.ts): a Host this console does not answer to gets 421 (DNS
//    rebinding: a page under the attacker's name reaching 127.0.0.1), a path with a broken
//    percent-escape 400, a body declared over KAFSCOPE_MAX_BODY_BYTES 413 — before anything reads it.
// 2. Security headers on every answer, refusals and redirects included (lib/http/security-headers.ts
//    says which and why): a Content-Security-Policy with a fresh nonce, frame-ancestors 'none',
//    nosniff, Referrer-Policy, X-Frame-Options, and HSTS over TLS. The nonce and the policy also go
//    on the request (x-nonce, Content-Security-Policy), which is how Next learns the nonce to stamp
//    on its own scripts. Styles: compiled Tailwind from 'self', <style> by nonce, style attributes
//    allowed (React renders style props as attributes; see security-headers.ts).
// 3. Old URLs (lib/http/legacy-urls.ts) answer a redirect to where they live now. 307 keeps the
//    method and body, so a script that POSTs to an old API URL still works; it is not permanent,
//    because the default cluster is configuration.
// 4. With a login configured, a page asked for without a valid session goes to /login (and back
//    afterwards); API routes answer 401 themselves (lib/http/authorize.ts).
// 5. A page of a cluster nobody configured carries a header that makes the cluster layout answer 404
//    (pages may not ask the configuration themselves).
//
// Request bodies: Next copies the body of a request that passes through a proxy, up to
// experimental.proxyClientMaxBodySize (next.config.js, one byte over the largest limit we accept),
// so no body is buffered past that; the route wrapper then reads at most KAFSCOPE_MAX_BODY_BYTES.
import { NextResponse, type NextRequest } from 'next/server';
import { principalOf } from '@/lib/auth/principal';
import { withBasePath } from '@/lib/common/base-path';
import { currentConsoleConfig } from '@/lib/config/current';
import { edgeRefusal } from '@/lib/http/edge-refusal';
import { legacyRedirect } from '@/lib/http/legacy-urls';
import { requestSite } from '@/lib/http/request-site';
import { contentSecurityPolicy, newNonce, securityHeaders } from '@/lib/http/security-headers';
import { UNKNOWN_CLUSTER_HEADER } from '@/lib/schemas/cluster';

function clusterOfPage(pathname: string): string | null {
  const m = /^\/clusters\/([^/]+)/.exec(pathname);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

function withHeaders(response: Response, headers: [string, string][]): Response {
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

/** Pages that need a signed-in user: everything but the API, the login page and the build's files. */
function needsSession(pathname: string): boolean {
  return !/^\/(api|login|metrics|icon\.svg|favicon\.ico)(\/|$)/.test(pathname);
}

export async function proxy(request: NextRequest): Promise<Response> {
  const config = currentConsoleConfig();
  const site = requestSite(request.headers, config.edge);
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { tls: site.tls, dev: process.env.NODE_ENV === 'development' });
  const headers = securityHeaders(csp, site.tls);
  const { pathname } = request.nextUrl;

  const refused = edgeRefusal({ method: request.method, pathname, headers: request.headers }, config.edge, site);
  if (refused) return withHeaders(refused, headers);

  const target = legacyRedirect(pathname, request.nextUrl.searchParams, {
    defaultCluster: config.defaultCluster,
    clusterCount: config.clusters.length,
  });
  if (target) return withHeaders(NextResponse.redirect(new URL(withBasePath(target), request.nextUrl), 307), headers);

  if (config.auth.mode !== 'none' && needsSession(pathname) && !(await principalOf(request.headers, config.auth))) {
    const login = request.nextUrl.clone();
    login.pathname = '/login';
    login.search = new URLSearchParams({ next: `${pathname}${request.nextUrl.search}` }).toString();
    return withHeaders(NextResponse.redirect(login, 303), headers);
  }

  // Always set by us, never taken from the client.
  const forward = new Headers(request.headers);
  forward.set('x-nonce', nonce);
  forward.set('Content-Security-Policy', csp);
  forward.delete(UNKNOWN_CLUSTER_HEADER);
  const cluster = clusterOfPage(pathname);
  if (cluster !== null) forward.set(UNKNOWN_CLUSTER_HEADER, config.clusters.some((c) => c.name === cluster) ? '0' : '1');
  return withHeaders(NextResponse.next({ request: { headers: forward } }), headers);
}

export const config = {
  // Everything but Next's build output. No exception for prefetches: they need the host check too.
  // '/' on its own: under a base path the second pattern needs a slash after it, and /kafscope
  // itself must not escape the checks.
  matcher: ['/', '/((?!_next/static|_next/image).*)'],
};
