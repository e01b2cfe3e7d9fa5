// Chooses the console's theme for a test the way a user's earlier choice would: in localStorage,
// before the first page loads (components/shell/theme.ts).
import type { Page } from '@playwright/test';

export async function useTheme(page: Page, mode: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((m) => localStorage.setItem('kafscope-theme', m), mode);
}
