// Page object for one consumer group's page and its reset wizard.
import { expect, type Locator, type Page } from '@playwright/test';
import { clusterPath, PRIMARY } from '../support/clusters';
import { gotoHydrated } from '../support/hydrated';

export class GroupPage {
  constructor(
    private readonly page: Page,
    readonly groupId: string,
    readonly cluster = PRIMARY,
  ) {}

  async open() {
    await gotoHydrated(this.page, clusterPath(this.cluster, 'groups', this.groupId));
  }

  totalLag(): Locator {
    return this.page.getByTestId('total-lag');
  }

  offsets(topic: string): Locator {
    return this.page.getByRole('table', { name: `Offsets of ${topic}` });
  }

  wizard(): Locator {
    return this.page.getByRole('dialog', { name: `Reset offsets of ${this.groupId}` });
  }

  async previewReset(mode: 'Earliest' | 'Latest') {
    await this.page.getByRole('button', { name: 'Reset offsets' }).click();
    const w = this.wizard();
    await w.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
    await w.getByRole('button', { name: 'Next' }).click();
    await w.getByRole('button', { name: 'Preview' }).click();
    await expect(w.getByRole('table', { name: 'Reset preview' })).toBeVisible();
    return w;
  }
}
