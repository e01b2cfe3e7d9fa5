// The console's main pages, with the data they need (a topic with records, a group with committed
// offsets on it), for the specs that visit every page: layout at three screen sizes, accessibility
// in light and dark, time to data. Each page names what proves its data is on screen.
import type { Locator, Page } from '@playwright/test';
import { at } from './clusters';
import { commitGroupOffsets, createTopic, produce, uniqueName } from './kafka';

export interface MainPage {
  name: string;
  path: string;
  /** Visible once the page shows its data. */
  data: (page: Page) => Locator;
}

export interface Seeded {
  topic: string;
  group: string;
  pages: MainPage[];
}

export async function seedMainPages(prefix: string): Promise<Seeded> {
  const topic = uniqueName(`${prefix}-topic`);
  const group = uniqueName(`${prefix}-group`);
  await createTopic(topic, 2);
  await produce(topic, [
    { key: 'k1', value: JSON.stringify({ n: 1, text: 'first' }), partition: 0 },
    { key: 'k2', value: 'plain text value', partition: 0 },
    { key: 'k3', value: JSON.stringify({ n: 3 }), partition: 1 },
  ]);
  await commitGroupOffsets(group, topic, [
    { partition: 0, offset: '1' },
    { partition: 1, offset: '0' },
  ]);
  const table = (page: Page, name: string) => page.getByRole('table', { name, exact: true });
  const pages: MainPage[] = [
    { name: 'clusters', path: '/', data: (p) => p.getByRole('list', { name: 'Clusters' }).getByRole('article').first() },
    { name: 'overview', path: at(), data: (p) => table(p, 'Brokers').getByRole('row').nth(1) },
    { name: 'topics', path: `${at('topics')}?q=${encodeURIComponent(topic)}`, data: (p) => table(p, 'Topics').getByRole('link', { name: topic }) },
    { name: 'topic', path: at('topics', topic), data: (p) => table(p, 'Partitions').getByRole('row').nth(1) },
    { name: 'messages', path: `${at('topics', topic, 'messages')}?from=earliest`, data: (p) => table(p, 'Messages').getByText('plain text value') },
    { name: 'groups', path: `${at('groups')}?q=${encodeURIComponent(group)}`, data: (p) => table(p, 'Consumer groups').getByRole('link', { name: group }) },
    { name: 'group', path: at('groups', group), data: (p) => p.getByTestId('total-lag') },
    { name: 'brokers', path: at('brokers'), data: (p) => table(p, 'Brokers').getByRole('row').nth(1) },
    { name: 'broker', path: at('brokers', 0), data: (p) => p.getByRole('heading', { name: 'Broker 0' }) },
    { name: 'new topic', path: at('topics', 'new'), data: (p) => p.getByLabel('Name', { exact: true }) },
  ];
  return { topic, group, pages };
}

/** Widths at which the page scrolls sideways (0: it does not). */
export async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
