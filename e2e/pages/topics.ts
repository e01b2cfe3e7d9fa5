// Page objects for the topic list and the create-topic form.
import { expect, type Locator, type Page } from '@playwright/test';
import { clusterPath, PRIMARY } from '../support/clusters';
import { gotoHydrated } from '../support/hydrated';

export class TopicsPage {
  constructor(
    private readonly page: Page,
    readonly cluster = PRIMARY,
  ) {}

  async open(filter?: string) {
    const list = clusterPath(this.cluster, 'topics');
    await gotoHydrated(this.page, filter ? `${list}?q=${encodeURIComponent(filter)}` : list);
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Topics' });
  }

  row(name: string): Locator {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}

export class CreateTopicPage {
  readonly form: Locator;
  readonly name: Locator;
  readonly partitions: Locator;
  readonly replication: Locator;

  constructor(
    private readonly page: Page,
    readonly cluster = PRIMARY,
  ) {
    this.form = page.getByRole('form', { name: 'Create topic' });
    this.name = this.form.getByLabel('Name', { exact: true });
    this.partitions = this.form.getByLabel('Partitions', { exact: true });
    this.replication = this.form.getByLabel('Replication factor', { exact: true });
  }

  async open() {
    await gotoHydrated(this.page, this.url());
    await expect(this.name).toBeVisible();
  }

  url(): string {
    return clusterPath(this.cluster, 'topics', 'new');
  }

  async fill(name: string, partitions: number, replication: number) {
    await this.name.fill(name);
    await this.partitions.fill(String(partitions));
    await this.replication.fill(String(replication));
  }

  async submit() {
    await this.form.getByRole('button', { name: 'Create topic' }).click();
  }

  /** The error text shown under a field (linked with aria-describedby). */
  async errorOf(field: Locator): Promise<Locator> {
    const id = await field.getAttribute('aria-describedby');
    return this.page.locator(`[id="${id}"]`);
  }
}
