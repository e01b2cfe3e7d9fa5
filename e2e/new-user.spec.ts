// A new user's path: the cluster list → a cluster's overview → create a topic → produce a keyed JSON message with a header → browse
// it → expand it → the URL alone reproduces the same view in a new tab.
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { Shell } from './pages/shell';
import { TopicPage } from './pages/topic';
import { CreateTopicPage } from './pages/topics';
import { saveScreenshot } from './support/screenshot';
import { gotoHydrated } from './support/hydrated';
import { at, PRIMARY } from './support/clusters';
import { uniqueName } from './support/kafka';

test('overview, create, produce, browse, expand, share the URL', async ({ page, context }) => {
  const topic = uniqueName('orders');
  const shell = new Shell(page);
  await shell.open('/');
  await page.getByRole('link', { name: PRIMARY, exact: true }).click();
  await expect(page).toHaveURL(at());
  const brokers = page.getByRole('table', { name: 'Brokers' });
  await expect(brokers.getByRole('row')).toHaveCount(4); // header + 3 brokers
  await expect(brokers.getByText('controller')).toHaveCount(1);
  await saveScreenshot(page, 'overview');

  await shell.link('Topics').click();
  await page.getByRole('link', { name: 'New topic' }).click();
  const create = new CreateTopicPage(page);
  await expect(create.name).toBeVisible();
  await create.fill(topic, 3, 1);
  await saveScreenshot(page, 'create-topic');
  await create.submit();

  await expect(page).toHaveURL(at('topics', topic));
  const topicPage = new TopicPage(page, topic);
  await expect(topicPage.partitions().getByRole('row')).toHaveCount(4);
  const dialog = await topicPage.produce({ key: 'order-1', value: '{"id":1,"item":{"sku":"A-42","qty":3},"paid":true,"traceId":12345678901234567890}', headers: [['trace-id', 'abc-123']] });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Message written to partition' })).toBeVisible();
  await saveScreenshot(page, 'topic');

  await page.getByRole('link', { name: 'Browse messages' }).click();
  const messages = new MessagesPage(page, topic);
  await expect(messages.table().getByRole('row')).toHaveCount(2);
  await messages.control('Start from').selectOption('earliest');
  await messages.control('Order').selectOption('asc');
  await expect(page).toHaveURL(/from=earliest/);
  await expect(messages.table()).toContainText('order-1');
  await messages.expandFirst();
  const tree = messages.valueSection().getByRole('group', { name: 'JSON tree' });
  await expect(tree).toContainText('"sku":');
  await expect(tree).toContainText('"A-42"');
  // An integer past 2^53 keeps its digits (JSON.parse alone would show 12345678901234567000).
  await expect(tree).toContainText('12345678901234567890');
  await messages.showValueTab(/^Headers/);
  await expect(messages.valueSection().getByRole('table', { name: 'Headers' })).toContainText('trace-id');
  await expect(messages.valueSection().getByRole('table', { name: 'Headers' })).toContainText('abc-123');
  await saveScreenshot(page, 'messages-expanded');

  const shared = page.url();
  expect(shared).toMatch(/open=\d+-0/);
  const other = await context.newPage();
  await gotoHydrated(other, shared);
  const again = new MessagesPage(other, topic);
  await expect(again.control('Start from')).toHaveValue('earliest');
  await expect(again.control('Order')).toHaveValue('asc');
  await expect(again.valueSection().getByRole('group', { name: 'JSON tree' })).toContainText('"A-42"');
  await other.close();
});
