// The console on a desktop, a laptop and a phone (1440×900, 1024×768, 390×844): no main page scrolls
// sideways (wide tables scroll inside themselves), and the main actions stay reachable; below 768 px
// the sidebar folds behind a menu button, and dialogs fit the phone's screen.
import { expect, test } from '@playwright/test';
import { at } from './support/clusters';
import { gotoHydrated } from './support/hydrated';
import { pageOverflow, seedMainPages, type Seeded } from './support/main-pages';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

let seeded: Seeded;
test.beforeAll(async () => {
  seeded = await seedMainPages('responsive');
});

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('no main page scrolls sideways, and each shows its data', async ({ page }) => {
      for (const p of seeded.pages) {
        await gotoHydrated(page, p.path);
        await expect(p.data(page), p.name).toBeVisible();
        expect(await pageOverflow(page), `${p.name} scrolls sideways`).toBeLessThanOrEqual(0);
      }
    });

    test('the main actions are reachable', async ({ page }) => {
      const nav = page.getByRole('navigation', { name: 'Main' });
      await gotoHydrated(page, at('topics'));
      await expect(page.getByRole('link', { name: 'New topic' })).toBeInViewport();
      if (size.width < 768) {
        await expect(nav).toBeHidden();
        await page.getByRole('button', { name: 'Menu' }).click();
      }
      await nav.getByRole('link', { name: 'Consumer groups', exact: true }).click();
      await expect(page).toHaveURL(/\/groups$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Consumer groups' })).toBeVisible();
      if (size.width < 768) await expect(nav).toBeHidden(); // the drawer closes on navigation

      await gotoHydrated(page, at('groups', seeded.group));
      await expect(page.getByRole('button', { name: 'Reset offsets' })).toBeInViewport();

      await gotoHydrated(page, `${at('topics', seeded.topic, 'messages')}?from=earliest`);
      await page.getByRole('button', { name: 'Produce' }).click();
      const dialog = page.getByRole('dialog', { name: /Produce/ });
      await expect(dialog).toBeVisible();
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(box.height).toBeLessThanOrEqual(size.height);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // An opened message fits the screen too.
      await page.getByRole('button', { name: /^Expand message/ }).first().click();
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('390×844 menu', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the menu opens as a drawer with focus inside, and Esc closes it', async ({ page }) => {
    await gotoHydrated(page, at());
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeVisible();
    await expect.poll(() => nav.evaluate((n) => n.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
  });
});
