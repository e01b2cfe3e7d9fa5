// Page object for one topic's page and its dialogs.
import { expect, type Locator, type Page } from '@playwright/test';
import { clusterPath, PRIMARY } from '../support/clusters';
import { gotoHydrated } from '../support/hydrated';

export class TopicPage {
  constructor(
    private readonly page: Page,
    readonly topic: string,
    readonly cluster = PRIMARY,
  ) {}

  async open() {
    await gotoHydrated(this.page, clusterPath(this.cluster, 'topics', this.topic));
    await expect(this.partitions()).toBeVisible();
  }

  partitions(): Locator {
    return this.page.getByRole('table', { name: 'Partitions' });
  }

  /** Opens the produce dialog, fills it and sends; returns the dialog for assertions. */
  async produce(m: { key?: string; value: string; headers?: [string, string][] }): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Produce' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Produce to ${this.topic}` });
    if (m.key !== undefined) await dialog.getByLabel('Key', { exact: true }).fill(m.key);
    await dialog.getByLabel('Value', { exact: true }).fill(m.value);
    for (const [i, [k, v]] of (m.headers ?? []).entries()) {
      await dialog.getByRole('button', { name: '+ Add header' }).click();
      await dialog.getByLabel(`Header name ${i + 1}`).fill(k);
      await dialog.getByLabel(`Header value ${i + 1}`).fill(v);
    }
    await dialog.getByRole('button', { name: 'Produce', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Written to partition');
    return dialog;
  }
}
