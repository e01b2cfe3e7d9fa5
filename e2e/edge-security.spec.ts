// The hardened edge, against the production server: a DNS-rebinding request is refused before it
// can change anything, another site cannot frame the console, every answer carries the security
// headers, no page trips its own Content-Security-Policy, and malformed or oversized input is a
// 4xx instead of a 500.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIResponse, type ConsoleMessage, type Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { at } from './support/clusters';
import { gotoHydrated } from './support/hydrated';
import { commitGroupOffsets, createTopic, produce, uniqueName } from './support/kafka';

const port = Number(new URL(baseURL).port);

/** A raw HTTP request, so the Host header says what a rebinding browser would send. */
function rawRequest(path: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers: { ...headers, ...(body !== undefined && { 'content-length': String(Buffer.byteLength(body)) }) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('same-origin');
  expect(headers['x-frame-options'], what).toBe('DENY');
  // Plain HTTP on loopback: no HSTS (e2e/edge-limits.spec.ts checks it behind an https public URL).
  expect(headers['strict-transport-security'], what).toBeUndefined();
}

test('a DNS-rebinding request (Host and Origin of another name) is refused and creates nothing', async ({ request }) => {
  const topic = uniqueName('rebound');
  const body = JSON.stringify({ name: topic, partitions: 1, replicationFactor: 1 });
  for (const site of [{}, { 'sec-fetch-site': 'same-origin' }] as Record<string, string>[]) {
    const r = await rawRequest(at('topics').replace('/clusters/', '/api/clusters/'), 'POST', {
      host: `evil.example:${port}`,
      origin: `http://evil.example:${port}`,
      'content-type': 'application/json',
      ...site,
    }, body);
    expect(r.status).toBe(421);
    expect(r.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(r.body)).toMatchObject({ status: 421, title: 'Misdirected Request' });
  }
  // Reading is refused too: a rebinding page learns nothing.
  const page = await rawRequest(at('topics'), 'GET', { host: `evil.example:${port}` });
  expect(page.status).toBe(421);
  expect(page.body).not.toContain('<script');
  const api = await rawRequest('/api/clusters', 'GET', { host: `evil.example:${port}` });
  expect(api.status).toBe(421);
  expect((await request.get(`/api/clusters/primary/topics/${topic}`)).status()).toBe(404);
});

test('pages, the API, redirects, refusals and static files carry the security headers', async ({ page, request }) => {
  const answers: [string, APIResponse][] = [];
  for (const path of ['/', at(), at('topics'), at('topics', 'new'), '/no-such-page', '/clusters/nowhere/topics', '/api/clusters', '/api/health', '/api/openapi.json', '/api/clusters/primary/topics/%ZZ']) {
    answers.push([path, await request.get(path)]);
  }
  answers.push(['a redirect', await request.get('/topic/x', { maxRedirects: 0 })]);
  for (const [what, r] of answers) expectSecurityHeaders(r.headers(), what);
  expect(answers.find(([p]) => p === '/api/clusters')![1].status()).toBe(200);

  const pageAnswer = await page.goto(at('topics'));
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const nonce = await page.locator('script[src^="/_next/static/"]').first().evaluate((el) => (el as HTMLScriptElement).nonce);
  expect(nonce).not.toBe('');
  expect((await pageAnswer!.allHeaders())['content-security-policy']).toContain(`'nonce-${nonce}'`);
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  expect(asset.headers()['referrer-policy']).toBe('same-origin');
});

test('another site cannot frame the console', async ({ page }) => {
  // A page served from another origin (another port) that frames the console's topic list.
  const framer = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>framer</title><iframe id="victim" src="${baseURL}${at('topics')}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((r) => framer.listen(0, '127.0.0.1', () => r()));
  try {
    const refusals: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('frame-ancestors')) refusals.push(m.text());
    });
    const framedAnswer = page.waitForResponse((r) => r.url() === `${baseURL}${at('topics')}`);
    await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
    const answer = await framedAnswer;
    expect(answer.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await expect.poll(() => refusals.length, { message: 'Chromium reports the frame-ancestors refusal' }).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(frame.url()).not.toContain(at('topics'));
    // Nothing of the console rendered or ran inside the frame.
    const inside = await frame.evaluate(() => ({ hydrated: document.documentElement.dataset.hydrated ?? null, text: document.body?.innerText ?? '' })).catch(() => ({ hydrated: null, text: '' }));
    expect(inside.hydrated).toBeNull();
    expect(inside.text).not.toContain('Topics');
  } finally {
    await new Promise<void>((r) => framer.close(() => r()));
  }
});

/** Collects every CSP violation the page reports, by event and on the console. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__kafscopeCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __kafscopeCspViolation(v: string): void }).__kafscopeCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m: ConsoleMessage) => {
    if (/Content Security Policy|Content-Security-Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test('no main page trips its Content-Security-Policy', async ({ page }) => {
  const topic = uniqueName('csp');
  const groupId = uniqueName('csp-group');
  await createTopic(topic, 2);
  await produce(topic, [{ key: 'k', value: '{"hello":"world"}' }]);
  await commitGroupOffsets(groupId, topic, [0, 1].map((partition) => ({ partition, offset: '0' })));
  const violations = await watchCsp(page);

  const visits: [string, () => Promise<void>][] = [
    ['/', async () => await expect(page.getByRole('heading', { name: 'Clusters' })).toBeVisible()],
    [at(), async () => await expect(page.getByRole('table', { name: 'Brokers' })).toBeVisible()],
    [at('brokers'), async () => await expect(page.getByRole('table', { name: 'Brokers' })).toBeVisible()],
    [at('brokers', 1), async () => await expect(page.getByRole('table', { name: 'Broker configs' })).toBeVisible()],
    [`${at('topics')}?q=${topic}`, async () => await expect(page.getByRole('link', { name: topic })).toBeVisible()],
    [at('topics', 'new'), async () => await expect(page.getByRole('form', { name: 'Create topic' })).toBeVisible()],
    [at('topics', topic), async () => await expect(page.getByRole('table', { name: 'Topic configs' })).toBeVisible()],
    [
      `${at('topics', topic, 'messages')}?from=earliest`,
      async () => {
        await page.getByRole('button', { name: /^Expand message \d+\/0$/ }).click();
        await expect(page.getByRole('region', { name: 'Value' })).toBeVisible();
        await page.getByRole('button', { name: 'Produce' }).click();
        await expect(page.getByRole('dialog', { name: `Produce to ${topic}` })).toBeVisible();
      },
    ],
    [`${at('groups')}?q=${groupId}`, async () => await expect(page.getByRole('link', { name: groupId })).toBeVisible()],
    [
      at('groups', groupId),
      async () => {
        await expect(page.getByRole('table', { name: `Offsets of ${topic}` })).toBeVisible();
        await page.getByRole('button', { name: 'Reset offsets' }).click();
        await expect(page.getByRole('dialog', { name: `Reset offsets of ${groupId}` })).toBeVisible();
      },
    ],
    ['/clusters/nowhere/topics', async () => await expect(page.getByText(/no cluster named/)).toBeVisible()],
    ['/no-such-page', async () => await expect(page.locator('body')).not.toBeEmpty()],
  ];
  for (const [url, check] of visits) {
    await gotoHydrated(page, url);
    await check();
    expect(violations, `CSP violations on ${url}`).toEqual([]);
  }
  // Client-side navigation loads further chunks under the same policy.
  await gotoHydrated(page, at());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics', exact: true }).click();
  await expect(page).toHaveURL(/\/topics/);
  await expect(page.getByRole('table', { name: 'Topics' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('malformed percent-escapes are 400 and an over-long config name is 400 naming the field', async ({ request }) => {
  for (const path of ['/api/clusters/primary/topics/%ZZ', '/api/clusters/primary/groups/%E2%80', `${at('topics')}/%ZZ`, '/clusters/%ZZ', '/%']) {
    expect((await request.get(path)).status(), path).toBe(400);
  }
  const r = await request.post('/api/clusters/primary/topics', {
    data: { name: uniqueName('long-config'), partitions: 1, replicationFactor: 1, configs: { ['x'.repeat(40_000)]: '1' } },
  });
  expect(r.status()).toBe(400);
  expect(await r.json()).toMatchObject({ status: 400, field: 'configs' });
});
