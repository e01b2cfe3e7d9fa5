// The headers every answer carries, and the Content-Security-Policy of the pages. Set by proxy.ts,
// which makes a fresh nonce per request and hands the policy to Next on the request too, so Next
// stamps the nonce on its own scripts (its documented way: it reads the nonce from the request's
// Content-Security-Policy header while rendering; the root layout renders per request for that).
//
// The policy:
// - scripts: only those carrying this request's nonce, and what they load ('strict-dynamic', for
//   Next's chunks); never 'unsafe-eval' or 'unsafe-inline' in production. `next dev` needs eval for
//   React's debugging aids, so the development server alone adds 'unsafe-eval'.
// - styles: Tailwind is one compiled stylesheet from 'self', and Next puts the nonce on any <style>
//   it writes. Style *attributes* are allowed ('unsafe-inline' under style-src-attr only): React
//   renders style props (the width of a lag bar, a virtual table's spacer rows) as attributes in the
//   server HTML, and a blocked one would leave the bar empty until the next render. An attribute can
//   neither load anything (img-src and font-src stay 'self') nor select other elements, so it can
//   exfiltrate nothing; <style> elements stay nonce-only.
// - frame-ancestors 'none' (and X-Frame-Options: DENY for browsers before CSP 2): no site may frame
//   the console, so no click in a framed Produce dialog.
// - everything else from 'self' only; no plugins, no <base>, forms post only here.
// Over TLS, HSTS and upgrade-insecure-requests too (on plain HTTP the latter would break every link).
import 'server-only';

/** The same on every answer, static files included (next.config.js repeats them for /_next/static;
 * a test checks that the two agree). */
export const FIXED_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export const HSTS = 'max-age=31536000';

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function contentSecurityPolicy(nonce: string, opts: { tls: boolean; dev?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    opts.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.tls ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Every header an answer gets, with this request's policy. */
export function securityHeaders(csp: string, tls: boolean): [string, string][] {
  return [
    ['Content-Security-Policy', csp],
    ...Object.entries(FIXED_SECURITY_HEADERS),
    ...(tls ? [['Strict-Transport-Security', HSTS] as [string, string]] : []),
  ];
}
