// Page object for the message browser.
import { expect, type Locator, type Page } from '@playwright/test';
import { clusterPath, PRIMARY } from '../support/clusters';
import { gotoHydrated } from '../support/hydrated';

export class MessagesPage {
  constructor(
    private readonly page: Page,
    readonly topic: string,
    readonly cluster = PRIMARY,
  ) {}

  async open(query = '') {
    await gotoHydrated(this.page, `${clusterPath(this.cluster, 'topics', this.topic, 'messages')}${query}`);
    // Rows (or the empty state) come from the browser's own fetch, so they prove the browser hydrated.
    await expect(this.table().or(this.page.getByText('No messages here'))).toBeVisible();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Messages' });
  }

  control(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  expandButtons(): Locator {
    return this.table().getByRole('button', { name: /^Expand message/ });
  }

  async expandFirst() {
    await this.expandButtons().first().click();
    await expect(this.valueSection()).toBeVisible();
  }

  valueSection(): Locator {
    return this.table().getByRole('region', { name: 'Value' });
  }

  async showValueTab(name: 'JSON' | 'Text' | 'Hex' | RegExp) {
    await this.valueSection().getByRole('tab', { name }).click();
  }
}
