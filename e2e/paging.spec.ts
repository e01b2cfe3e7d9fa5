// Paging in the message browser follows the server's cursors, keeps each page in the URL, and names
// its buttons by the way they go in time whichever order the list is in.
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { createTopic, produce, uniqueName } from './support/kafka';

test('next and previous pages of one partition', async ({ page }) => {
  const topic = uniqueName('paging');
  await createTopic(topic, 1);
  await produce(topic, Array.from({ length: 45 }, (_, i) => ({ key: `k${i}`, value: `message ${i}` })));
  const messages = new MessagesPage(page, topic);
  await messages.open('?partition=0&from=earliest&order=asc&limit=20');
  const offsets = messages.table().getByRole('button', { name: /^Expand message/ });
  await expect(offsets).toHaveCount(20);
  await expect(offsets.first()).toHaveAccessibleName('Expand message 0/0');

  await page.getByRole('button', { name: 'Newer →' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(offsets.first()).toHaveAccessibleName('Expand message 0/20');
  await page.getByRole('button', { name: 'Newer →' }).click();
  await expect(offsets).toHaveCount(5);
  await expect(offsets.first()).toHaveAccessibleName('Expand message 0/40');

  await page.getByRole('button', { name: '← Older' }).click();
  await expect(offsets.first()).toHaveAccessibleName('Expand message 0/20');
  await page.goBack();
  await expect(offsets.first()).toHaveAccessibleName('Expand message 0/40');
});

test('newest first from the earliest offset pages towards newer messages', async ({ page }) => {
  const topic = uniqueName('paging-desc');
  await createTopic(topic, 1);
  await produce(topic, Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `message ${i}` })));
  const messages = new MessagesPage(page, topic);
  await messages.open('?partition=0&from=earliest&order=desc&limit=20');
  const offsets = messages.table().getByRole('button', { name: /^Expand message/ });
  await expect(offsets.first()).toHaveAccessibleName('Expand message 0/19');
  await expect(offsets.last()).toHaveAccessibleName('Expand message 0/0');
  await expect(page.getByRole('button', { name: 'Older →' })).toBeDisabled();
  await page.getByRole('button', { name: '← Newer' }).click();
  await expect(offsets).toHaveCount(10);
  await expect(offsets.first()).toHaveAccessibleName('Expand message 0/29');
  await expect(page.getByRole('button', { name: '← Newer' })).toBeDisabled();
});
