// Chooses the console's theme for a test the way a user's earlier choice would: in localStorage,
// before the first page loads (components/shell/theme.ts).
import type { Page } from '@playwright/test';

export async function useTheme(page: Page, mode: 'light' | 'dark'): Promise<void> {
  // Only where nothing is stored yet: a choice made on the page survives a reload.
  await page.addInitScript((m) => {
    if (!localStorage.getItem('kafscope-theme')) localStorage.setItem('kafscope-theme', m);
  }, mode);
}
