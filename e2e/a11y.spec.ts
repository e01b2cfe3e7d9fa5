// Accessibility: axe-core on every main page, in light and in dark mode, with no serious or
// critical violation (contrast, names of controls, landmarks...). A failure lists each rule with
// the elements that break it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { gotoHydrated } from './support/hydrated';
import { seedMainPages, type Seeded } from './support/main-pages';
import { useTheme } from './support/theme';

let seeded: Seeded;
test.beforeAll(async () => {
  seeded = await seedMainPages('a11y');
});

const PAGES = ['clusters', 'overview', 'topics', 'topic', 'messages', 'groups', 'group', 'brokers', 'broker', 'new topic'];

for (const mode of ['light', 'dark'] as const) {
  for (const name of PAGES) {
    test(`${name} page passes axe in ${mode} mode`, async ({ page }) => {
      const p = seeded.pages.find((x) => x.name === name)!;
      await useTheme(page, mode);
      await gotoHydrated(page, p.path);
      await expect(p.data(page)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(mode === 'dark');
      if (name === 'messages') await page.getByRole('button', { name: /^Expand message/ }).first().click();
      const result = await new AxeBuilder({ page }).analyze();
      const found = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
      expect(found, found.join('\n')).toEqual([]);
    });
  }
}

test('the shortcut help and a dialog pass axe, and a dialog keeps focus inside', async ({ page }) => {
  await gotoHydrated(page, `${seeded.pages.find((p) => p.name === 'messages')!.path}`);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  let result = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.getByRole('button', { name: 'Produce' }).click();
  const dialog = page.getByRole('dialog', { name: /Produce/ });
  await expect(dialog).toBeVisible();
  result = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  // Focus is visible: the focused control draws an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});

test('a dark choice is applied before the page paints, under the CSP', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await useTheme(page, 'dark');
  // Notes whether <html> is already dark when the parser reaches <body>, before any React code ran.
  await page.addInitScript(() => {
    const note = () => {
      (window as unknown as { darkAtBody: boolean }).darkAtBody = document.documentElement.classList.contains('dark');
    };
    if (document.body) return note();
    new MutationObserver((_, obs) => {
      if (document.body) {
        note();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await gotoHydrated(page, '/');
  expect(await page.evaluate(() => (window as unknown as { darkAtBody?: boolean }).darkAtBody)).toBe(true);
  // The toggle changes it and is remembered.
  await page.getByRole('group', { name: 'Theme' }).getByText('Light', { exact: true }).click();
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  expect(errors).toEqual([]);
});
