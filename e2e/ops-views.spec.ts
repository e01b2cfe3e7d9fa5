// The operator's views on the primary cluster: sizes on disk (topic list column, sortable largest
// first; topic page per partition; log directories on the brokers page), dynamic broker configs (a
// cluster-wide default set from the brokers page and read back by kafkajs, a broker's refusal shown in
// Kafka's words), and on a group's page the link to a partition's unconsumed messages and deleting
// the group's offsets of one topic (kafkajs' fetchOffsets sees them gone).
import { expect, test } from '@playwright/test';
import { ConfigResourceTypes } from 'kafkajs';
import { GroupPage } from './pages/group';
import { at } from './support/clusters';
import { gotoHydrated } from './support/hydrated';
import { commitGroupOffsets, createTopic, kafka, produce, uniqueName } from './support/kafka';

test('sizes: the topic list sorts by size, largest first; the topic page and brokers page show bytes', async ({ page }) => {
  const prefix = uniqueName('sz');
  await createTopic(`${prefix}-big`, 2);
  await createTopic(`${prefix}-small`, 1);
  await produce(`${prefix}-big`, Array.from({ length: 40 }, (_, i) => ({ value: `record ${i} `.repeat(50), partition: i % 2 })));
  await produce(`${prefix}-small`, [{ value: 'x' }]);

  await gotoHydrated(page, at('topics') + `?q=${prefix}`);
  const table = page.getByRole('table', { name: 'Topics' });
  await table.getByRole('button', { name: /^Size/ }).click();
  await expect(page).toHaveURL(/sort=size&dir=desc|dir=desc.*sort=size/);
  await expect(table.getByRole('link')).toHaveText([`${prefix}-big`, `${prefix}-small`]);
  await expect(table.getByRole('row').filter({ has: page.getByRole('link', { name: `${prefix}-big`, exact: true }) })).toContainText(/KiB/);

  await gotoHydrated(page, at('topics', `${prefix}-big`));
  const partitions = page.getByRole('table', { name: 'Partitions' });
  await expect(partitions.getByRole('row').filter({ has: page.getByRole('link', { name: 'Messages of partition 0' }) })).toContainText(/KiB/);

  await gotoHydrated(page, at('brokers'));
  const dirs = page.getByRole('table', { name: 'Log directories' });
  await expect(dirs.getByRole('row')).toHaveCount(4);
  await expect(dirs).toContainText('(in-memory)');
});

test('broker configs: a cluster-wide default set from the brokers page; a refused change shows Kafka\'s message', async ({ page }) => {
  await gotoHydrated(page, at('brokers'));
  await page.getByRole('button', { name: 'Set a default' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set a cluster-wide default' });
  await dialog.getByLabel('Config name').fill('log.retention.ms');
  await dialog.getByLabel('Value').fill('5400000');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Cluster-wide broker defaults' })).toContainText('5400000');

  const admin = kafka().admin();
  await admin.connect();
  try {
    const res = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '1', configNames: ['log.retention.ms'] }] });
    expect(res.resources[0]!.configEntries[0]).toMatchObject({ configValue: '5400000', configSource: 3 });
  } finally {
    await admin.disconnect();
  }

  // A key the broker cannot change at run time: its refusal, worded as Kafka's.
  await page.getByRole('button', { name: 'Set a default' }).click();
  await dialog.getByLabel('Config name').fill('num.io.threads');
  await dialog.getByLabel('Value').fill('32');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Cannot update these configs dynamically: Set(num.io.threads)');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Put the default back.
  await page.getByRole('table', { name: 'Cluster-wide broker defaults' }).getByRole('button', { name: 'Edit log.retention.ms' }).click();
  await page.getByRole('dialog', { name: 'Edit log.retention.ms' }).getByRole('button', { name: 'Remove the default' }).click();
  await expect(page.getByText('No cluster-wide dynamic broker configs')).toBeVisible();
});

test("a group's partition links to its unconsumed messages; its offsets of a topic can be deleted", async ({ page }) => {
  const topic = uniqueName('od');
  const other = uniqueName('od-other');
  const groupId = uniqueName('od-group');
  await createTopic(topic, 2);
  await createTopic(other, 1);
  await produce(topic, Array.from({ length: 6 }, (_, i) => ({ value: `m${i}`, partition: 1 })));
  await commitGroupOffsets(groupId, topic, [
    { partition: 0, offset: '0' },
    { partition: 1, offset: '4' },
  ]);
  await commitGroupOffsets(groupId, other, [{ partition: 0, offset: '0' }]);
  const group = new GroupPage(page, groupId);
  await group.open();

  await group.offsets(topic).getByRole('link', { name: 'Unconsumed messages of partition 1' }).click();
  await expect(page).toHaveURL(new RegExp(`/topics/${topic}/messages\\?`));
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toMatchObject({ partition: '1', from: 'offset', offset: '4', order: 'asc' });
  await expect(page.getByRole('table', { name: 'Messages' })).toContainText('m4');
  await expect(page.getByRole('table', { name: 'Messages' })).not.toContainText('m3');

  await group.open();
  await page.getByRole('button', { name: `Delete committed offsets of ${topic}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete committed offsets of ${topic}` });
  await dialog.getByRole('button', { name: 'Delete offsets' }).click();
  await expect(dialog).toBeHidden();
  await expect(group.offsets(topic)).toHaveCount(0);
  await expect(group.offsets(other)).toBeVisible();

  const admin = kafka().admin();
  await admin.connect();
  try {
    const [seen] = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(seen!.partitions.map((p) => p.offset)).toEqual(['-1', '-1']);
  } finally {
    await admin.disconnect();
  }
});
