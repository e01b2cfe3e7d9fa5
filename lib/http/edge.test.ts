// The edge's pure parts: which Host is answered, which Origin may change a cluster, the refusals the
// proxy sends, bounded bodies, the security headers, the request deadline. The same behaviour is
// checked end to end against the production server in e2e/edge-*.spec.ts.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readEdge } from '../config/edge';
import { readLimitedText } from './body-limit';
import { withinRequestTimeout } from './deadline';
import { edgeRefusal } from './edge-refusal';
import { assertSameOrigin } from './guard';
import { hasMalformedEscape } from './path-escapes';
import { HttpProblem } from './problem';
import { requestSite } from './request-site';
import { FIXED_SECURITY_HEADERS, contentSecurityPolicy, newNonce, securityHeaders } from './security-headers';
import { classifyError } from './domain-problems';

const edge = (env: Record<string, string> = {}) => readEdge({ SERVER_PORT: '9000', ...env });
const site = (headers: Record<string, string>, env: Record<string, string> = {}) => requestSite(new Headers(headers), edge(env));

describe('the host allowlist', () => {
  it('answers the loopback names on any port, and nothing else by default', () => {
    for (const host of ['localhost:9000', '127.0.0.1:9000', '[::1]:9000', 'localhost:8080', 'LOCALHOST']) expect(site({ host }).allowed, host).toBe(true);
    for (const host of ['evil.example:9000', 'evil.example', '127.0.0.1.evil.example', '10.0.0.7:9000', 'localhost.evil.example']) expect(site({ host }).allowed, host).toBe(false);
    expect(site({}).allowed).toBe(false);
  });
  it('answers the public URL’s name and the listed ones', () => {
    const env = { KAFSCOPE_PUBLIC_URL: 'https://kafka.example.com/console', KAFSCOPE_ALLOWED_HOSTS: 'kafscope.internal:9000' };
    expect(site({ host: 'kafka.example.com' }, env).allowed).toBe(true);
    expect(site({ host: 'kafscope.internal:9000' }, env).allowed).toBe(true);
    expect(site({ host: 'kafscope.internal:9001' }, env).allowed).toBe(false);
  });
  it('believes X-Forwarded-Host only behind KAFSCOPE_TRUST_PROXY, and then its last value', () => {
    const headers = { host: 'kafscope:9000', 'x-forwarded-host': 'kafka.example.com' };
    const env = { KAFSCOPE_PUBLIC_URL: 'https://kafka.example.com' };
    expect(site(headers, env).allowed).toBe(false);
    expect(site(headers, { ...env, KAFSCOPE_TRUST_PROXY: 'true' }).allowed).toBe(true);
    // A client cannot smuggle a name in front of the one our proxy appended.
    expect(site({ host: 'kafscope:9000', 'x-forwarded-host': 'kafka.example.com, evil.example' }, { ...env, KAFSCOPE_TRUST_PROXY: 'true' }).allowed).toBe(false);
    // Without trust, a forged header cannot help a rebinding page either.
    expect(site({ host: 'evil.example:9000', 'x-forwarded-host': 'localhost:9000' }).allowed).toBe(false);
  });
  it('knows TLS from a trusted X-Forwarded-Proto, or from an https public URL for its own name', () => {
    expect(site({ host: 'localhost:9000' }).tls).toBe(false);
    expect(site({ host: 'localhost:9000', 'x-forwarded-proto': 'https' }).tls).toBe(false);
    expect(site({ host: 'localhost:9000', 'x-forwarded-proto': 'https' }, { KAFSCOPE_TRUST_PROXY: 'true' }).tls).toBe(true);
    expect(site({ host: 'kafka.example.com' }, { KAFSCOPE_PUBLIC_URL: 'https://kafka.example.com' }).tls).toBe(true);
    expect(site({ host: 'localhost:9000' }, { KAFSCOPE_PUBLIC_URL: 'https://kafka.example.com' }).tls).toBe(false);
  });
});

describe('what the proxy refuses', () => {
  const refuse = (pathname: string, headers: Record<string, string>, method = 'GET') => {
    const h = new Headers(headers);
    return edgeRefusal({ method, pathname, headers: h }, edge(), requestSite(h, edge()));
  };
  it('a DNS-rebinding request (a Host and Origin of another name) gets 421, problem+json on the API', async () => {
    const r = refuse('/api/clusters/demo/topics', { host: 'evil.example:9000', origin: 'http://evil.example:9000' }, 'POST')!;
    expect(r.status).toBe(421);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(await r.json()).toMatchObject({ status: 421, title: 'Misdirected Request' });
  });
  it('a page under another name gets a short plain page', async () => {
    const r = refuse('/clusters/demo/topics', { host: 'evil.example:9000' })!;
    expect(r.status).toBe(421);
    expect(r.headers.get('content-type')).toContain('text/plain');
    expect(await r.text()).toContain('KAFSCOPE_ALLOWED_HOSTS');
  });
  it('lets an orchestrator probe /api/health by IP address, and nothing else', () => {
    expect(refuse('/api/health', { host: '10.0.0.7:9000' })).toBeNull();
    expect(refuse('/api/health', { host: '10.0.0.7:9000' }, 'POST')?.status).toBe(421);
    expect(refuse('/api/clusters', { host: '10.0.0.7:9000' })?.status).toBe(421);
  });
  it('a malformed percent-escape anywhere in the path is 400', () => {
    expect(hasMalformedEscape('/api/clusters/x/topics/%ZZ')).toBe(true);
    expect(hasMalformedEscape('/clusters/x/topics/a%')).toBe(true);
    expect(hasMalformedEscape('/clusters/x/topics/%C3')).toBe(true);
    expect(hasMalformedEscape('/clusters/x/topics/a%2Fb%E2%80%AE')).toBe(false);
    expect(refuse('/api/clusters/x/topics/%ZZ', { host: 'localhost:9000' })?.status).toBe(400);
    expect(refuse('/clusters/x/topics/%ZZ', { host: 'localhost:9000' })?.status).toBe(400);
  });
  it('a body declared over the limit is 413, before it is read', () => {
    expect(refuse('/api/clusters/x/topics', { host: 'localhost:9000', 'content-length': String(200 * 1024 * 1024) }, 'POST')?.status).toBe(413);
    expect(refuse('/api/clusters/x/topics', { host: 'localhost:9000', 'content-length': '1000' }, 'POST')).toBeNull();
  });
});

describe('the same-origin guard', () => {
  const post = (headers: Record<string, string>) => new Request('http://127.0.0.1:9000/api/x', { method: 'POST', headers });
  const origins = edge({ KAFSCOPE_PUBLIC_URL: 'https://kafka.example.com' }).allowedOrigins;
  const verdict = (headers: Record<string, string>) => {
    try {
      assertSameOrigin(post(headers), origins);
      return 'ok';
    } catch (err) {
      return (err as HttpProblem).status;
    }
  };
  it('compares the Origin with the public URL and loopback on the listening port, never with Host', () => {
    expect(verdict({ origin: 'https://kafka.example.com' })).toBe('ok');
    expect(verdict({ origin: 'http://127.0.0.1:9000', 'sec-fetch-site': 'same-origin' })).toBe('ok');
    // DNS rebinding: the browser calls it same-origin, and Host agrees with Origin.
    expect(verdict({ origin: 'http://evil.example:9000', host: 'evil.example:9000', 'sec-fetch-site': 'same-origin' })).toBe(403);
    expect(verdict({ origin: 'http://evil.example:9000', host: 'evil.example:9000', 'x-forwarded-host': 'evil.example:9000' })).toBe(403);
    expect(verdict({ origin: 'http://127.0.0.1:3000' })).toBe(403);
    expect(verdict({ origin: 'null' })).toBe(403);
    expect(verdict({ 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(verdict({ 'sec-fetch-site': 'same-site' })).toBe(403);
  });
  it('lets tools that send neither header through', () => {
    expect(verdict({})).toBe('ok');
  });
});

describe('bounded bodies', () => {
  const streamOf = (chunks: number, size: number) => {
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < chunks) c.enqueue(new Uint8Array(size).fill(0x20));
        else c.close();
      },
    });
  };
  it('reads a body within the limit', async () => {
    const r = new Request('http://h/', { method: 'POST', body: '{"a":"é"}' });
    expect(await readLimitedText(r, 1024)).toBe('{"a":"é"}');
  });
  it('stops reading a chunked body as soon as it passes the limit', async () => {
    let pulled = 0;
    const counting = streamOf(1_000, 64 * 1024).pipeThrough(
      new TransformStream({
        transform(chunk, c) {
          pulled++;
          c.enqueue(chunk);
        },
      }),
    );
    const r = new Request('http://h/', { method: 'POST', body: counting, duplex: 'half' } as RequestInit);
    const err = await readLimitedText(r, 1024 * 1024).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpProblem);
    expect((err as HttpProblem).status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });
  it('refuses a declared length over the limit without reading', async () => {
    const r = new Request('http://h/', { method: 'POST', body: 'x', headers: { 'content-length': '999999999' } });
    await expect(readLimitedText(r, 1024)).rejects.toMatchObject({ status: 413 });
  });
});

describe('security headers', () => {
  it('a nonce-based policy without unsafe-eval or inline scripts, no framing', () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const csp = contentSecurityPolicy(nonce, { tls: false });
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/style-src [^;]*unsafe-inline/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy(nonce, { tls: true })).toContain('upgrade-insecure-requests');
  });
  it('nosniff, same-origin referrer, DENY framing on every answer; HSTS only over TLS', () => {
    const plain = new Map(securityHeaders('x', false));
    expect(plain.get('X-Content-Type-Options')).toBe('nosniff');
    expect(plain.get('Referrer-Policy')).toBe('same-origin');
    expect(plain.get('X-Frame-Options')).toBe('DENY');
    expect(plain.has('Strict-Transport-Security')).toBe(false);
    expect(new Map(securityHeaders('x', true)).get('Strict-Transport-Security')).toMatch(/^max-age=\d+/);
  });
  it('next.config.js gives the static files the same fixed headers, and caps the proxy’s body copy above the largest limit', async () => {
    const nextConfig = createRequire(import.meta.url)('../../next.config.js');
    const rules = await nextConfig.headers();
    const statics = rules.find((r: { source: string }) => r.source === '/_next/static/:path*');
    expect(Object.fromEntries(statics.headers.map((h: { key: string; value: string }) => [h.key, h.value]))).toEqual(FIXED_SECURITY_HEADERS);
    const { MAX_BODY_CEILING } = await import('../config/edge');
    expect(nextConfig.experimental.proxyClientMaxBodySize).toBe(MAX_BODY_CEILING + 1);
  });
});

describe('the request deadline', () => {
  it('answers 504 at the timeout while the work hangs', async () => {
    const t0 = Date.now();
    const err = await withinRequestTimeout(new Promise(() => undefined), 200).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(classifyError(err)?.status).toBe(504);
  });
  it('passes work that finishes in time through, and its failures', async () => {
    expect(await withinRequestTimeout(Promise.resolve(7), 1_000)).toBe(7);
    await expect(withinRequestTimeout(Promise.reject(new Error('x')), 1_000)).rejects.toThrow('x');
  });
});
