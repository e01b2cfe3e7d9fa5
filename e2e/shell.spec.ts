import { expect, test } from '@playwright/test';
import { navItems } from '../components/shell/nav-items';
import { HealthSchema } from '../lib/schemas/health';
import { Shell } from './pages/shell';
import { at, PRIMARY } from './support/clusters';

test('the sidebar reaches every section of a cluster and marks the current one', async ({ page }) => {
  const shell = new Shell(page);
  await shell.open(at());
  await expect(page).toHaveTitle(`Overview · ${PRIMARY} · Kafscope`);
  for (const item of navItems(PRIMARY)) {
    await shell.link(item.label).click();
    await expect(page).toHaveURL(item.href);
    await expect(shell.link(item.label)).toHaveAttribute('aria-current', 'page');
    await expect(shell.heading()).toHaveText(item.label);
  }
});

test('outside a cluster the sidebar offers only the cluster list', async ({ page }) => {
  const shell = new Shell(page);
  await shell.open('/');
  await expect(page).toHaveTitle('Kafscope');
  await expect(shell.nav.getByRole('listitem')).toHaveCount(1);
  await expect(shell.link('Clusters')).toHaveAttribute('aria-current', 'page');
  await expect(shell.switcher()).toHaveCount(0);
});

test('an unknown address shows the not-found page', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('the health route answers JSON', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/json');
  const body = HealthSchema.parse(await res.json());
  expect(body.status).toBe('ok');
});
