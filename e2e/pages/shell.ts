// Page object for the application shell: the sidebar every page shares.
import type { Locator, Page } from '@playwright/test';
import { gotoHydrated } from '../support/hydrated';

export class Shell {
  readonly nav: Locator;

  constructor(private readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
  }

  async open(path = '/') {
    await gotoHydrated(this.page, path);
  }

  /** The cluster switcher (a labelled select listing every cluster). */
  switcher(): Locator {
    return this.nav.getByLabel('Cluster', { exact: true });
  }

  link(label: string): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
}
