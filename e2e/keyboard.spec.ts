// Keyboard: `/` focuses the page's filter, `g t` / `g g` / `g b` go to topics, groups and brokers,
// `?` lists the shortcuts, `j`/`k` step through message rows, Enter opens one and Esc closes it.
import { expect, test } from '@playwright/test';
import { at } from './support/clusters';
import { gotoHydrated } from './support/hydrated';
import { createTopic, produce, uniqueName } from './support/kafka';

test('slash focuses the filter, and g-chords move between sections', async ({ page }) => {
  await gotoHydrated(page, at('topics'));
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter topics' })).toBeFocused();
  // Typed into the filter, "g" is a letter, not a shortcut.
  await page.keyboard.type('gg');
  await expect(page.getByRole('searchbox', { name: 'Filter topics' })).toHaveValue('gg');
  // The filter reaches the URL after a pause; a chord typed while that navigation lands is lost.
  await expect(page).toHaveURL(/[?&]q=gg/);
  await page.getByRole('heading', { level: 1 }).click();

  await page.keyboard.press('g');
  await page.keyboard.press('g');
  await expect(page).toHaveURL(/\/clusters\/primary\/groups$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Consumer groups' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('b');
  await expect(page.getByRole('heading', { level: 1, name: 'Brokers' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Go to consumer groups');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('j and k step through message rows, Enter expands one and Esc closes it', async ({ page }) => {
  const topic = uniqueName('keys');
  await createTopic(topic, 1);
  await produce(topic, [{ value: 'one' }, { value: 'two' }, { value: 'three' }]);
  await gotoHydrated(page, `${at('topics', topic, 'messages')}?from=earliest&order=asc`);
  const toggles = page.getByRole('button', { name: /^(Expand|Collapse) message/ });
  await expect(toggles).toHaveCount(3);
  await page.keyboard.press('j');
  await expect(toggles.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(toggles.nth(2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(toggles.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggles.nth(1)).toHaveAttribute('aria-expanded', 'true');
  await expect(page).toHaveURL(/open=0-1/);
  await page.keyboard.press('Escape');
  await expect(toggles.nth(1)).toHaveAttribute('aria-expanded', 'false');
  await expect(page).not.toHaveURL(/open=/);
});
