// Runs before routing, for the few paths that are old URLs (see lib/http/legacy-urls.ts): answers a
// redirect to where they live now. 307 keeps the method and body, so a script that POSTs to an old
// API URL still works; it is not permanent, because the default cluster is configuration. It also
// knows which clusters exist, which pages may not ask the configuration themselves: a request for a
// page of a cluster nobody configured carries a header that makes the cluster layout answer 404.
import { NextResponse, type NextRequest } from 'next/server';
import { currentConsoleConfig } from '@/lib/config/current';
import { legacyRedirect } from '@/lib/http/legacy-urls';
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

export function proxy(request: NextRequest) {
  const config = currentConsoleConfig();
  const cluster = clusterOfPage(request.nextUrl.pathname);
  if (cluster !== null) {
    // Always set by us, never taken from the client.
    const headers = new Headers(request.headers);
    headers.set(UNKNOWN_CLUSTER_HEADER, config.clusters.some((c) => c.name === cluster) ? '0' : '1');
    return NextResponse.next({ request: { headers } });
  }
  const target = legacyRedirect(request.nextUrl.pathname, request.nextUrl.searchParams, {
    defaultCluster: config.defaultCluster,
    clusterCount: config.clusters.length,
  });
  if (!target) return NextResponse.next();
  return NextResponse.redirect(new URL(target, request.nextUrl), 307);
}

export const config = {
  matcher: [
    '/',
    '/clusters/:path*',
    '/topics/:path*',
    '/groups/:path*',
    '/brokers/:path*',
    '/topic/:path*',
    '/consumer/:path*',
    '/broker/:path*',
    '/acl',
    '/api/cluster',
    '/api/settings',
    '/api/topics/:path*',
    '/api/groups/:path*',
    '/api/brokers/:path*',
  ],
};
