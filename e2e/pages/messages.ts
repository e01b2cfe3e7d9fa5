// Page object for the message browser.
import { expect, type Locator, type Page } from '@playwright/test';
import { HYDRATED } from '../support/hydrated';

export class MessagesPage {
  constructor(
    private readonly page: Page,
    readonly topic: string,
  ) {}

  async open(query = '') {
    await this.page.goto(`/topics/${encodeURIComponent(this.topic)}/messages${query}`, HYDRATED);
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
