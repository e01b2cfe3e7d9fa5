// Server-side search from the messages page: progress and matches stream in, and only matching
// messages are listed.
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { saveScreenshot } from './support/screenshot';
import { createTopic, produce, uniqueName } from './support/kafka';

test('search scans the topic on the server and lists the matches', async ({ page }) => {
  const topic = uniqueName('search');
  await createTopic(topic, 3);
  await produce(
    topic,
    Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: i % 10 === 0 ? `order ${i} needle` : `order ${i} hay` })),
  );
  const messages = new MessagesPage(page, topic);
  await messages.open();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const search = page.getByRole('search');
  await search.getByLabel('Search text').fill('NEEDLE');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Search finished' })).toContainText('scanned 30');
  await expect(page.getByRole('status').filter({ hasText: 'Search finished' })).toContainText('matched 3');
  const results = page.getByRole('table', { name: 'Search results' });
  await expect(results.getByRole('row')).toHaveCount(4);
  await expect(results).not.toContainText('hay');
  await saveScreenshot(page, 'search');
});
