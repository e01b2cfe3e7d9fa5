// Served under a sub-path behind a reverse proxy (KAFSCOPE_BASE_PATH; Kafdrop's
// SERVER_SERVLET_CONTEXTPATH): a console built for /kafscope (by `npm run test:e2e`, in .next-basepath,
// beside the usual build) with sign-in on. Everything the browser asks for — pages, Next's files, the
// JSON API, the streamed search, sign-in and sign-out, old URLs — stays under the sub-path, and the
// session cookie is scoped to it. Nothing answers at the root but a redirect to the sub-path.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { bootstrap } from '../playwright.config';
import { primaryClusterOnly, startApp, type AppProcess } from './support/app-process';
import { createTopic, produce, uniqueName } from './support/kafka';

const BASE = '/kafscope';
const PASSWORD = 'base path password';
test.describe.configure({ timeout: 120_000 });

let app: AppProcess;
const topic = uniqueName('subpath');

/** A GET with a Host header of our choosing (the browser's and Playwright's clients set their own). */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

test.beforeAll(async () => {
  const hash = execFileSync('npm', ['run', '--silent', 'hash-password'], { input: `${PASSWORD}\n`, encoding: 'utf8' }).trim();
  await createTopic(topic, 2);
  await produce(topic, [
    { key: 'a', value: 'hay under a sub-path' },
    { key: 'b', value: 'the needle under a sub-path' },
  ]);
  app = await startApp({
    KAFSCOPE_BASE_PATH: BASE,
    KAFSCOPE_DIST_DIR: '.next-basepath',
    KAFSCOPE_AUTH: 'users',
    KAFSCOPE_USERS: `ann:${hash}:admin`,
    KAFSCOPE_SESSION_SECRET: 'an-e2e-session-secret-for-the-sub-path-0123456789',
    KAFSCOPE_AUDIT_FILE: `/tmp/kafscope-e2e-basepath-${process.pid}.jsonl`,
    ...primaryClusterOnly(bootstrap),
  }, { healthPath: `${BASE}/api/health` });
});

test.afterAll(async () => {
  await app?.stop();
});

test('the root redirects to the sub-path, and nothing else answers outside it', async ({ request }) => {
  const root = await request.get(`${app.base}/`, { maxRedirects: 0 });
  expect([307, 308]).toContain(root.status());
  expect(root.headers().location).toBe(BASE);
  expect((await request.get(`${app.base}/api/health`)).status()).toBe(404);
  expect((await request.get(`${app.base}${BASE}/api/health`)).status()).toBe(200);
  const spec = (await (await request.get(`${app.base}${BASE}/api/openapi.json`)).json()) as { servers: { url: string }[] };
  expect(spec.servers).toEqual([{ url: BASE }]);
  // The sub-path's own root passes the edge like every page: one cluster, so straight to it; a
  // foreign Host is refused there too.
  const home = await request.get(`${app.base}${BASE}`, { maxRedirects: 0 });
  expect(home.headers().location).toMatch(new RegExp(`^(${app.base})?${BASE}/clusters/primary$`));
  expect(home.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(await statusWithHost(`${app.base}${BASE}`, 'evil.example')).toBe(421);
});

test('sign in, browse, search and sign out, all under the sub-path', async ({ page, context }) => {
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));

  await page.goto(`${app.base}${BASE}/clusters/primary/topics`);
  await expect(page).toHaveURL(`${app.base}${BASE}/login?next=${encodeURIComponent('/clusters/primary/topics')}`);
  await page.getByLabel('User name').fill('ann');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${app.base}${BASE}/clusters/primary/topics`);
  const session = (await context.cookies()).find((c) => c.name === 'kafscope_session');
  expect(session?.path).toBe(BASE);

  // The list is filled by the browser's own call to the API once the filter changes the query.
  await page.getByLabel('Filter topics').fill(topic);
  await page.getByRole('table', { name: 'Topics' }).getByRole('link', { name: topic }).click();
  await expect(page).toHaveURL(new RegExp(`^${app.base}${BASE}/clusters/primary/topics/${topic}`));

  // An old Kafdrop URL lands on its page under the sub-path.
  await page.goto(`${app.base}${BASE}/topic/${topic}/messages`);
  await expect(page).toHaveURL(new RegExp(`^${app.base}${BASE}/clusters/primary/topics/${topic}/messages`));
  await expect(page.getByRole('table', { name: 'Messages' })).toContainText('hay under a sub-path');

  // The search streams NDJSON from the API under the sub-path.
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const search = page.getByRole('search');
  await search.getByLabel('Search text').fill('needle');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Search finished' })).toContainText('matched 1');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(new RegExp(`^${app.base}${BASE}/login`));

  const outside = asked.filter((p) => !p.startsWith(`${BASE}/`) && p !== BASE);
  expect(outside, 'requests outside the sub-path').toEqual([]);
  expect(asked.some((p) => p.startsWith(`${BASE}/api/clusters/primary/topics`))).toBe(true);
  expect(asked.some((p) => p.startsWith(`${BASE}/_next/static/`))).toBe(true);
});
