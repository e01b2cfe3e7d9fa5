// The HTTPS front `npm start` puts before Next with KAFSCOPE_TLS_CERT/KEY: it serves TLS with the
// given certificate, passes method, path, headers and body through and streams the answer back,
// replaces a client-sent X-Forwarded-For with the socket's address, and answers 502 when the
// server behind it is down. A self-signed certificate made by openssl; real sockets both sides.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script without declarations
import { startTlsFront } from '../scripts/tls-front.mjs';

let inner: http.Server;
let front: https.Server;
let frontPort: number;
const seen: { headers: http.IncomingHttpHeaders; body: string; method: string; url: string }[] = [];

function listen(server: http.Server | https.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kafscope-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  inner = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body, method: req.method!, url: req.url! });
      res.writeHead(201, { 'content-type': 'application/x-ndjson', 'set-cookie': ['a=1', 'b=2'] });
      res.write('{"n":1}\n');
      setTimeout(() => res.end('{"n":2}\n'), 50);
    });
  });
  const innerPort = await listen(inner);
  frontPort = await new Promise<number>((resolve) => {
    front = startTlsFront({ certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem'), host: '127.0.0.1', port: 0, innerPort, trustProxy: false });
    front.once('listening', () => resolve((front.address() as AddressInfo).port));
  });
});
afterAll(() => {
  front?.close();
  inner?.close();
});

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; chunks: number }> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port: frontPort, path, method: init.method ?? 'GET', headers: init.headers, rejectUnauthorized: false }, (res) => {
      let body = '';
      let chunks = 0;
      res.on('data', (d: Buffer) => {
        chunks++;
        body += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, chunks }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('the HTTPS front', () => {
  it('passes requests through and streams answers back', async () => {
    const r = await request('/api/x?q=1', { method: 'POST', headers: { 'content-type': 'application/json', host: 'localhost:9443', 'x-forwarded-for': '6.6.6.6' }, body: '{"a":1}' });
    expect(r.status).toBe(201);
    expect(r.body).toBe('{"n":1}\n{"n":2}\n');
    expect(r.chunks).toBeGreaterThanOrEqual(2);
    expect(r.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'POST', url: '/api/x?q=1', body: '{"a":1}' });
    expect(last.headers.host).toBe('localhost:9443');
    // The client's own claim is not believed: the socket's address replaces it.
    expect(last.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('answers 502 when the server behind it is down', async () => {
    await new Promise((r) => inner.close(r));
    inner.closeAllConnections();
    const r = await request('/');
    expect(r.status).toBe(502);
  });
});
