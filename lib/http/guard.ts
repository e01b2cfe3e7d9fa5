// Cross-site request forgery defence for mutating routes. A browser always says where a request comes
// from: Origin on every non-GET request, and Sec-Fetch-Site in current browsers. The Origin must be
// one of the console's own (the public URL's, or loopback on the listening port: EdgeConfig), never
// compared with the request's Host or X-Forwarded-Host, which a DNS-rebinding page controls (it
// sends Host: evil.example:9000 with Origin: http://evil.example:9000, and "same-origin"). Tools
// such as curl send neither header and are not browsers, so they are let through. A JSON body is
// required too: an HTML form cannot send application/json without a CORS preflight, which we never
// grant.
import 'server-only';
import { forbidden, unsupportedMediaType } from './problem';

const CROSS_SITE = 'Cross-site requests may not change the cluster.';

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

export function assertSameOrigin(request: Request, allowedOrigins: readonly string[]): void {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') throw forbidden(CROSS_SITE);
  const origin = request.headers.get('origin');
  if (origin === null) return;
  const normalised = originOf(origin);
  if (normalised === null || normalised === 'null' || !allowedOrigins.includes(normalised)) {
    throw forbidden(`${CROSS_SITE} This console accepts changes from ${allowedOrigins.join(', ')} (KAFSCOPE_PUBLIC_URL sets its public address).`);
  }
}

export function assertJsonBody(request: Request): void {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && !(type?.startsWith('application/') && type.endsWith('+json'))) {
    throw unsupportedMediaType('The request body must be application/json.');
  }
}
