// Layout a user would notice: toolbar controls that share a row, the message table on a 1024-pixel
// laptop (the value column keeps room; an opened message spans the whole table), and a first page
// load that leaves nothing in the browser console; long stat values wrap inside their cards, and a
// link past the last page of a list says so.
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { at } from './support/clusters';
import { gotoHydrated } from './support/hydrated';
import { commitGroupOffsets, createTopic, produce, uniqueName } from './support/kafka';

test('the group state filter sits beside the id filter at its own width', async ({ page }) => {
  await gotoHydrated(page, at('groups'));
  const filter = await page.getByRole('searchbox', { name: 'Filter groups' }).boundingBox();
  const state = await page.getByLabel('State', { exact: true }).boundingBox();
  expect(filter && state).toBeTruthy();
  expect(Math.abs(filter!.y - state!.y)).toBeLessThan(10);
  expect(state!.width).toBeLessThan(300);
});

test('on a 1024-pixel screen the message value stays readable and an opened row spans the table', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  const topic = uniqueName('narrow');
  await createTopic(topic, 2);
  await produce(topic, [{ key: 'k', value: JSON.stringify({ greeting: 'hello from a narrow screen' }), partition: 1 }]);
  const messages = new MessagesPage(page, topic);
  await messages.open('?from=earliest');
  const table = messages.table();
  const valueHeader = await table.getByRole('columnheader', { name: 'Value' }).boundingBox();
  expect(valueHeader!.width).toBeGreaterThan(150);
  const scroller = await table.evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth }));
  expect(scroller.table).toBeLessThanOrEqual(scroller.box);

  await messages.expandFirst();
  const tableBox = await table.boundingBox();
  const detail = await messages.valueSection().boundingBox();
  expect(detail!.x + detail!.width).toBeGreaterThan(tableBox!.x + tableBox!.width - 40);
  await expect(messages.table()).toContainText('key 1 B, value');
});

test('a first visit and repeated loads of the message browser log no errors in the browser console', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await gotoHydrated(page, at());
  await expect(page.getByRole('table', { name: 'Brokers' })).toBeVisible();
  // The message browser hydrates in its own Suspense boundary, after the sidebar may have fetched
  // the server's switches; it must not render differently from the server HTML when that happens.
  const topic = uniqueName('hydrate');
  await createTopic(topic, 1);
  for (let i = 0; i < 5; i++) {
    await gotoHydrated(page, `${at('topics', topic, 'messages')}?partition=0`);
    await expect(page.getByRole('button', { name: 'Produce' })).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('on a 1024-pixel screen a group page keeps long values inside their cards', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  const topic = uniqueName('cards');
  const groupId = uniqueName('cards-group');
  await createTopic(topic, 1);
  await commitGroupOffsets(groupId, topic, [{ partition: 0, offset: '0' }]);
  await gotoHydrated(page, at('groups', groupId));
  const coordinator = page.getByText(/^#\d+ 127\.0\.0\.1:\d+$/);
  await expect(coordinator).toBeVisible();
  const overflow = await coordinator.evaluate((el) => {
    const card = el.closest('div.rounded-lg')!;
    return el.getBoundingClientRect().right - card.getBoundingClientRect().right;
  });
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a link past the last page of topics says so and offers the first page', async ({ page }) => {
  const topic = uniqueName('pastend');
  await createTopic(topic, 1);
  await gotoHydrated(page, `${at('topics')}?q=${topic}&page=9`);
  await expect(page.getByText('Page 9 is past the end of the list')).toBeVisible();
  await page.getByRole('button', { name: 'Go to the first page' }).click();
  await expect(page.getByRole('table', { name: 'Topics' }).getByRole('link', { name: topic })).toBeVisible();
});
