// Previous/next paging in the message browser follows the server's cursors and keeps each page in
// the URL.
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

  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(offsets.first()).toHaveAccessibleName('Expand message 0/20');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(offsets).toHaveCount(5);
  await expect(offsets.first()).toHaveAccessibleName('Expand message 0/40');

  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(offsets.first()).toHaveAccessibleName('Expand message 0/20');
  await page.goBack();
  await expect(offsets.first()).toHaveAccessibleName('Expand message 0/40');
});
