// Pages render on the server first and become interactive when React hydrates them; a click or a
// select that lands before that is lost, or replayed against the server-rendered value. The app
// marks <html data-hydrated> once its client providers have mounted (app/providers.tsx), and page
// objects wait for that mark and for the first data requests before handing the page back.
import type { Page } from '@playwright/test';

export async function gotoHydrated(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}
