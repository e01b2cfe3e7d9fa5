import { expect, test } from '@playwright/test';
import { NAV_ITEMS } from '../components/shell/nav-items';
import { HealthSchema } from '../lib/schemas/health';
import { Shell } from './pages/shell';

test('the sidebar reaches every section and marks the current one', async ({ page }) => {
  const shell = new Shell(page);
  await shell.open('/');
  await expect(page).toHaveTitle('Kafscope');
  for (const item of NAV_ITEMS) {
    await shell.link(item.label).click();
    await expect(page).toHaveURL(item.href);
    await expect(shell.link(item.label)).toHaveAttribute('aria-current', 'page');
    await expect(shell.heading()).toHaveText(item.label === 'Overview' ? 'Overview' : item.label);
  }
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
