// Changing and destroying things from the UI: edit a config, add partitions, purge records, delete a
// topic by typing its name, delete an empty group.
import { expect, test } from '@playwright/test';
import { TopicPage } from './pages/topic';
import { commitGroupOffsets, createTopic, produce, uniqueName } from './support/kafka';
import { at } from './support/clusters';
import { gotoHydrated } from './support/hydrated';

test('edit a config and add partitions', async ({ page }) => {
  const topic = uniqueName('admin');
  await createTopic(topic, 1);
  await produce(topic, Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })));
  const t = new TopicPage(page, topic);
  await t.open();
  await expect(t.partitions().getByRole('row').nth(1)).toContainText('5');

  await page.getByRole('button', { name: 'Edit retention.ms' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit retention.ms' });
  await edit.getByLabel('retention.ms').fill('3600000');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  const configs = page.getByRole('table', { name: 'Topic configs' });
  const retention = configs.getByRole('row').filter({ has: page.getByRole('cell', { name: /^retention\.ms/ }) });
  await expect(retention).toContainText('3600000');
  await expect(retention).toContainText('custom');

  await page.getByRole('button', { name: 'Add partitions' }).click();
  const add = page.getByRole('dialog', { name: `Add partitions to ${topic}` });
  await add.getByLabel('New partition count').fill('3');
  await add.getByRole('button', { name: 'Add partitions' }).click();
  await expect(add).toBeHidden();
  await expect(t.partitions().getByRole('row')).toHaveCount(4);
});

test('purge every record of a topic', async ({ page }) => {
  const topic = uniqueName('purge');
  await createTopic(topic, 1);
  await produce(topic, Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })));
  const t = new TopicPage(page, topic);
  await t.open();
  await page.getByRole('button', { name: 'Purge' }).click();
  const purge = page.getByRole('dialog', { name: `Purge records of ${topic}` });
  await purge.getByRole('button', { name: 'Purge' }).click();
  await expect(purge).toBeHidden();
  const p0 = t.partitions().getByRole('row').nth(1).getByRole('cell');
  await expect(p0.nth(1)).toHaveText('5'); // low watermark moved up
  await expect(p0.nth(3)).toHaveText('0'); // no messages left
});

test('a topic is deleted only after its name is typed', async ({ page }) => {
  const topic = uniqueName('doomed');
  await createTopic(topic, 1);
  const t = new TopicPage(page, topic);
  await t.open();
  await page.getByRole('button', { name: 'Delete topic' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete topic ${topic}` });
  const confirm = dialog.getByRole('button', { name: 'Delete topic' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type the topic name to confirm').fill(topic.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type the topic name to confirm').fill(topic);
  await confirm.click();
  await expect(page).toHaveURL(at('topics'));
  await expect(page.getByRole('status').filter({ hasText: `Topic ${topic} deleted` })).toBeVisible();
  await gotoHydrated(page, at('topics', topic));
  await expect(page.getByRole('alert').filter({ hasText: 'does not exist' })).toBeVisible();
});

test('an empty group can be deleted', async ({ page }) => {
  const topic = uniqueName('gdel');
  const groupId = uniqueName('gdel-group');
  await createTopic(topic, 1);
  await commitGroupOffsets(groupId, topic, [{ partition: 0, offset: '0' }]);
  await gotoHydrated(page, at('groups', groupId));
  await page.getByRole('button', { name: 'Delete group' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete group ${groupId}` });
  await dialog.getByLabel('Type the group name to confirm').fill(groupId);
  await dialog.getByRole('button', { name: 'Delete group' }).click();
  await expect(page).toHaveURL(at('groups'));
  await gotoHydrated(page, `${at('groups')}?q=${groupId}`);
  await expect(page.getByText('No group matches')).toBeVisible();
});
