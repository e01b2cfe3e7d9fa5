// Small things a daily user notices: "Find a topic" with an exact name opens the topic; sizes sort
// largest first; counts and offset ranges read correctly; every data page says how fresh it is and
// refreshes itself when asked (kept in the URL); creating a topic autocompletes config names, flags
// an unknown one before sending and takes a custom retention; the timestamp input is not clipped.
import { expect, test } from '@playwright/test';
import { ConfigResourceTypes } from 'kafkajs';
import { at } from './support/clusters';
import { gotoHydrated } from './support/hydrated';
import { createTopic, kafka, produce, uniqueName } from './support/kafka';

test('an exact topic name in "Find a topic" opens that topic; part of a name filters the list', async ({ page }) => {
  const topic = uniqueName('findme');
  await createTopic(topic, 1);
  await gotoHydrated(page, at());
  await page.getByLabel('Find a topic').fill(topic);
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page).toHaveURL(new RegExp(`/topics/${topic}$`));
  await expect(page.getByRole('heading', { level: 1, name: topic })).toBeVisible();

  await gotoHydrated(page, at());
  await page.getByLabel('Find a topic').fill(topic.slice(0, 10));
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page).toHaveURL(/\/topics\?q=findme-/);
});

test('sorting by messages starts with the largest; one record and one partition read in the singular', async ({ page }) => {
  const topic = uniqueName('sizes');
  await createTopic(topic, 1);
  await produce(topic, [{ value: 'only' }]);
  await gotoHydrated(page, at('topics'));
  await page.getByRole('table', { name: 'Topics' }).getByRole('button', { name: /Messages/ }).click();
  await expect(page).toHaveURL(/sort=messages&dir=desc/);
  await expect(page.getByRole('columnheader', { name: /Messages/ })).toHaveAttribute('aria-sort', 'descending');

  await gotoHydrated(page, `${at('topics', topic, 'messages')}?from=earliest`);
  await expect(page.getByText(/^1 message · 1 partition/)).toBeVisible();
  await gotoHydrated(page, `${at('topics', topic, 'messages')}?from=earliest&partition=0`);
  await expect(page.getByText(/^1 message · offset 0$/)).toBeVisible();
});

test('freshness: "updated N s ago", Refresh, and auto-refresh kept in the URL', async ({ page }) => {
  await gotoHydrated(page, at('topics'));
  const bar = page.getByTestId('freshness');
  await expect(bar).toContainText(/Updated (just now|\d+ s ago)/);
  await expect(bar).toContainText(/Updated [2-9] s ago/, { timeout: 15_000 });
  const refetched = page.waitForRequest((r) => r.url().includes('/api/clusters/primary/topics'));
  await bar.getByRole('button', { name: 'Refresh this page' }).click();
  await refetched;
  await expect(bar).toContainText(/Updated (just now|1 s ago)/);

  await bar.getByLabel('Auto-refresh').selectOption('5');
  await expect(page).toHaveURL(/refresh=5/);
  await page.reload();
  await expect(page.getByTestId('freshness').getByLabel('Auto-refresh')).toHaveValue('5');
  // Two refreshes on their own within 12 s.
  let seen = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/clusters/primary/topics')) seen++;
  });
  await expect.poll(() => seen, { timeout: 13_000 }).toBeGreaterThanOrEqual(2);
});

test('create topic: config names autocomplete, an unknown one is flagged before sending, retention takes any number of hours', async ({ page }) => {
  const topic = uniqueName('custom-retention');
  await gotoHydrated(page, at('topics', 'new'));
  await page.getByLabel('Name', { exact: true }).fill(topic);
  await page.getByRole('button', { name: '+ Add config' }).click();
  const configName = page.getByLabel('Config name 1');
  await expect(page.locator(`datalist#${await configName.getAttribute('list')} option[value="min.insync.replicas"]`)).toHaveCount(1);
  await configName.fill('min.insync.replicas');
  await expect(page.getByText('int · Replicas that must have a write')).toBeVisible();
  await configName.fill('retention.msx');
  await expect(page.getByText('“retention.msx” is not a Kafka topic config.')).toBeVisible();
  let posted = false;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/clusters/primary/topics')) posted = true;
  });
  await page.getByRole('button', { name: 'Create topic' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not a Kafka topic config: retention.msx' })).toBeVisible();
  expect(posted).toBe(false);

  await page.getByRole('button', { name: 'Remove config 1' }).click();
  await page.getByLabel('Retention').selectOption('custom');
  await page.getByLabel('Keep for').fill('90');
  await page.getByLabel('Unit').selectOption('minutes');
  await page.getByRole('button', { name: 'Create topic' }).click();
  await expect(page).toHaveURL(new RegExp(`/topics/${topic}$`));
  const admin = kafka().admin();
  await admin.connect();
  try {
    const described = await admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }], includeSynonyms: false });
    expect(described.resources[0]!.configEntries.find((c) => c.configName === 'retention.ms')?.configValue).toBe('5400000');
  } finally {
    await admin.disconnect();
  }
});

test('the timestamp input shows its whole value', async ({ page }) => {
  const topic = uniqueName('stamp');
  await createTopic(topic, 1);
  await gotoHydrated(page, `${at('topics', topic, 'messages')}?from=timestamp&timestamp=1700000000000`);
  const input = page.getByLabel(/^From \(local time/);
  await expect(input).toBeVisible();
  const fits = await input.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits).toBe(true);
});

test('the message table\'s key and timestamp columns resize, giving the value the room, and the widths are remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const topic = uniqueName('columns');
  await createTopic(topic, 1);
  await produce(topic, [{ key: 'a-key', value: JSON.stringify({ long: 'v'.repeat(400) }) }]);
  await gotoHydrated(page, `${at('topics', topic, 'messages')}?from=earliest`);
  const table = page.getByRole('table', { name: 'Messages' });
  // A resizable header's name also carries its edge's label ("Key Width of the Key column").
  const widthOf = async (name: string) => (await table.getByRole('columnheader', { name: new RegExp(`^${name}\\b`) }).boundingBox())!.width;
  await expect(table.getByRole('row')).toHaveCount(2);
  const before = { key: await widthOf('Key'), value: await widthOf('Value') };

  // Keyboard: four steps narrower.
  const keyEdge = page.getByRole('separator', { name: 'Width of the Key column' });
  await keyEdge.focus();
  for (let i = 0; i < 4; i++) await keyEdge.press('ArrowLeft');
  await expect.poll(() => widthOf('Key')).toBeLessThan(before.key - 50);
  expect(await widthOf('Value')).toBeGreaterThan(before.value + 50);

  // Mouse: the timestamp's edge dragged 120 px to the right.
  const timeBefore = await widthOf('Timestamp');
  const edge = (await page.getByRole('separator', { name: 'Width of the Timestamp column' }).boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + edge.height / 2, { steps: 4 });
  await page.mouse.move(edge.x + edge.width / 2 + 120, edge.y + edge.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => widthOf('Timestamp')).toBeGreaterThan(timeBefore + 100);
  const set = { key: await widthOf('Key'), time: await widthOf('Timestamp') };

  // Remembered by this browser across a reload.
  await page.reload();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect.poll(() => widthOf('Key')).toBeCloseTo(set.key, 0);
  expect(await widthOf('Timestamp')).toBeCloseTo(set.time, 0);
  expect(await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('kafscope.messages.columns') ?? '{}')).sort())).toEqual(['key', 'timestamp']);

  // Delete forgets a width.
  await page.getByRole('separator', { name: 'Width of the Key column' }).press('Delete');
  await expect.poll(() => widthOf('Key')).toBeCloseTo(before.key, 0);
});
