// Saves a full-page screenshot of a main page under test-results/screenshots (a test artifact,
// never committed), so a reviewer can look at every page after a run.
import type { Page } from '@playwright/test';

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
