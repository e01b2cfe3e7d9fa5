// Request bodies are bounded before they reach memory: a 200 MB body, declared or sent chunked
// without a length, is answered 413 and the production server's resident memory stays where it was
// (it used to climb from 152 to 941 MB and stay there). And behind an https public URL the console
// sends HSTS. This spec starts its own production server (`node scripts/start.mjs`, own port), so
// the memory it measures is that server's alone.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { startApp, type AppProcess } from './support/app-process';

const MB = 1024 * 1024;
const PUBLIC_HOST = 'kafscope.e2e.test';

let app: AppProcess;
test.beforeAll(async () => {
  app = await startApp({
    KAFKA_BROKERCONNECT: '127.0.0.1:1',
    KAFSCOPE_PUBLIC_URL: `https://${PUBLIC_HOST}`,
    // Defaults, said out loud: 1 MiB bodies, X-Forwarded-* not believed.
    KAFSCOPE_MAX_BODY_BYTES: String(MB),
    KAFSCOPE_TRUST_PROXY: 'false',
  });
});
test.afterAll(async () => app?.stop());

/** The Next.js server process under `node scripts/start.mjs`, and its resident memory in MB. */
function serverRssMb(): number {
  const starter = app.child.pid!;
  const children = readFileSync(`/proc/${starter}/task/${starter}/children`, 'utf8').trim().split(/\s+/);
  const status = readFileSync(`/proc/${children[0]}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** POSTs `total` bytes to `path`, with a Content-Length or chunked, without holding them in memory. */
function postLarge(path: string, total: number, declared: boolean): Promise<{ status: number; body: string }> {
  const { port } = new URL(app.base);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(declared && { 'content-length': String(total) }) };
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // A server may answer 413 and close before the last byte is sent: the answer is what counts.
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const chunk = Buffer.alloc(MB, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < total && !answered) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

test('a 200 MB body gets 413, declared or chunked, and the server’s memory stays bounded', async ({}, testInfo) => {
  test.skip(process.platform !== 'linux', 'reads the server’s memory from /proc');
  const path = '/api/clusters/default/topics';
  // Warm the route up first, so the measurement is about the body and not about loading code.
  for (let i = 0; i < 3; i++) await postLarge(path, 64 * 1024, true);
  const before = serverRssMb();
  const declared = await postLarge(path, 200 * MB, true);
  const afterDeclared = serverRssMb();
  const chunked = await postLarge(path, 200 * MB, false);
  const afterChunked = serverRssMb();
  await new Promise((r) => setTimeout(r, 1_000));
  const after = serverRssMb();
  const figures = `RSS before ${before.toFixed(0)} MB, after the declared 200 MB body ${afterDeclared.toFixed(0)} MB, after the chunked one ${afterChunked.toFixed(0)} MB, a second later ${after.toFixed(0)} MB`;
  testInfo.annotations.push({ type: 'rss', description: figures });
  console.log(`[edge-limits] ${figures}`);

  for (const r of [declared, chunked]) {
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ status: 413, title: 'Payload too large' });
  }
  // Each refused body may leave Next's bounded copy of it (8 MiB) to the garbage collector; reading
  // either into memory would add at least 200 MB.
  expect(Math.max(afterDeclared, afterChunked, after) - before).toBeLessThan(100);
});

test('a body just within the limit is read; one byte over is refused', async () => {
  const path = '/api/clusters/default/topics';
  const within = await postLarge(path, MB - 16, true);
  expect(within.status).toBe(400); // read in full: it is not valid JSON
  expect((await postLarge(path, MB + 1, true)).status).toBe(413);
  expect((await postLarge(path, MB + 1, false)).status).toBe(413);
});

test('behind an https public URL the answers carry HSTS; on loopback HTTP they do not', async () => {
  const { port } = new URL(app.base);
  const get = (host: string) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/api/health', headers: { host } }, (res) => {
        res.resume();
        resolve(res);
      }).on('error', reject);
    });
  const viaPublic = await get(PUBLIC_HOST);
  expect(viaPublic.statusCode).toBe(200);
  expect(viaPublic.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  expect(viaPublic.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  const direct = await get(`127.0.0.1:${port}`);
  expect(direct.headers['strict-transport-security']).toBeUndefined();
  // X-Forwarded-Proto is not believed without KAFSCOPE_TRUST_PROXY.
  const forged = await new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/api/health', headers: { host: `127.0.0.1:${port}`, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' } }, (res) => {
      res.resume();
      resolve(res);
    }).on('error', reject);
  });
  expect(forged.statusCode).toBe(200);
  expect(forged.headers['strict-transport-security']).toBeUndefined();
});
