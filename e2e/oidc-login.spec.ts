// Sign-in through a real OpenID Provider (oidc-provider, a certified implementation) started here,
// in Chromium: the console sends an unsigned-in page to /login, then to the provider (authorization
// code with PKCE), back with the groups claim mapped to roles (kafka-admins -> admin, kafka-viewers
// -> viewer, which decides what the UI offers), and out again on sign-out.
import type { Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import Provider from 'oidc-provider';
import { bootstrap } from '../playwright.config';
import { freePort, primaryClusterOnly, startApp, type AppProcess } from './support/app-process';
import { createTopic, uniqueName } from './support/kafka';

const GROUPS: Record<string, string[]> = { alice: ['kafka-admins'], bob: ['kafka-viewers', 'other'] };
// Two sign-ins through two servers' pages each: slower than one page on a busy machine.
test.describe.configure({ timeout: 180_000 });

let server: Server;
let app: AppProcess;
let issuer: string;
const topic = uniqueName('oidc');

test.beforeAll(async () => {
  const [providerPort, appPort] = await Promise.all([freePort(), freePort()]);
  issuer = `http://127.0.0.1:${providerPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'kafscope',
        client_secret: 'kafscope-client-secret',
        redirect_uris: [`http://127.0.0.1:${appPort}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['preferred_username', 'groups'] },
    // The groups claim in the ID token itself, as many providers put it.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, preferred_username: id, groups: GROUPS[id] ?? [] }) }),
  });
  server = provider.listen(providerPort, '127.0.0.1');
  app = await startApp(
    {
      SERVER_PORT: String(appPort),
      KAFSCOPE_AUTH: 'oidc',
      KAFSCOPE_OIDC_ISSUER: issuer,
      KAFSCOPE_OIDC_CLIENT_ID: 'kafscope',
      KAFSCOPE_OIDC_CLIENT_SECRET: 'kafscope-client-secret',
      KAFSCOPE_OIDC_SCOPES: 'openid profile',
      KAFSCOPE_OIDC_ROLE_MAP: 'kafka-admins=admin,kafka-viewers=viewer',
      KAFSCOPE_SESSION_SECRET: 'an-e2e-session-secret-long-enough-0123456789',
      KAFSCOPE_AUDIT_FILE: `/tmp/kafscope-e2e-oidc-${process.pid}.jsonl`,
      ...primaryClusterOnly(bootstrap),
    },
    { port: appPort },
  );
  await createTopic(topic, 1);
});

test.afterAll(async () => {
  await app?.stop();
  await new Promise((r) => server?.close(r));
});

async function signIn(page: Page, user: string) {
  await page.goto(`${app.base}/clusters/primary/topics`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByRole('link', { name: 'Sign in with single sign-on' }).click();
  // The provider's own pages: a login form, then consent.
  await expect(page).toHaveURL(new RegExp(`^${issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(user);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
  if (await consent.isVisible({ timeout: 3000 }).catch(() => false)) await consent.click();
  await expect(page).toHaveURL(`${app.base}/clusters/primary/topics`);
  await expect(page.getByTestId('signed-in-user')).toHaveText(user);
}

test('an admin by group signs in with PKCE, sees admin controls, and signs out', async ({ page }) => {
  const authorize: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${issuer}/auth`)) authorize.push(r.url());
  });
  await signIn(page, 'alice');
  const auth = new URL(authorize[0]!);
  expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
  expect(auth.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(auth.searchParams.get('state')).toBeTruthy();
  await expect(page.getByText('admin', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New topic' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: topic })).toBeVisible();
  const cookies = await page.context().cookies(app.base);
  const session = cookies.find((c) => c.name === 'kafscope_session')!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(`${app.base}/clusters/primary/topics`);
  await expect(page).toHaveURL(/\/login\?next=/);
  expect((await page.request.get(`${app.base}/api/clusters/primary/topics`)).status()).toBe(401);
});

test('a viewer by group sees topics but no way to change them; the server refuses too', async ({ page }) => {
  await signIn(page, 'bob');
  await expect(page.getByText('viewer', { exact: true })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: topic })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New topic' })).toHaveCount(0);
  await page.goto(`${app.base}/clusters/primary/topics/${topic}`);
  await expect(page.getByRole('link', { name: 'Browse messages' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete topic' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Produce' })).toHaveCount(0);
  const refused = await page.request.delete(`${app.base}/api/clusters/primary/topics/${topic}`, { headers: { origin: app.base } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).permission).toBe('topic:delete');
});
