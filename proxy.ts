// Runs before routing, for the few paths that are old URLs (see lib/http/legacy-urls.ts): answers a
// redirect to where they live now. 307 keeps the method and body, so a script that POSTs to an old
// API URL still works; it is not permanent, because the default cluster is configuration.
import { NextResponse, type NextRequest } from 'next/server';
import { currentConsoleConfig } from '@/lib/config/current';
import { legacyRedirect } from '@/lib/http/legacy-urls';

export function proxy(request: NextRequest) {
  const config = currentConsoleConfig();
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
