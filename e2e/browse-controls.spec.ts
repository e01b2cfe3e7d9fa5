// The message browser's start controls: choosing "Timestamp" starts from a real moment (not an
// empty picker that meant the epoch), and an offset that is not a whole number is flagged on the
// field instead of being silently ignored.
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { createTopic, produce, uniqueName } from './support/kafka';

test('choosing a timestamp start fills the picker and the URL', async ({ page }) => {
  const topic = uniqueName('ts-start');
  await createTopic(topic, 1);
  await produce(topic, [{ key: 'a', value: 'recent message' }]);
  const messages = new MessagesPage(page, topic);
  await messages.open('?partition=0&order=asc');
  await messages.control('Start from').selectOption('timestamp');
  await expect(page).toHaveURL(/from=timestamp&timestamp=\d+|timestamp=\d+.*from=timestamp/);
  await expect(page.getByLabel(/^From \(local time, UTC[+-]\d\d:\d\d\)$/)).not.toHaveValue('');
  // An hour back, oldest first: the message produced just now is in view.
  await expect(messages.table()).toContainText('recent message');
});

test('an offset that is not a number is flagged and leaves the view alone', async ({ page }) => {
  const topic = uniqueName('bad-offset');
  await createTopic(topic, 1);
  await produce(topic, Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })));
  const messages = new MessagesPage(page, topic);
  await messages.open('?partition=0&from=offset&offset=2&order=asc');
  const offset = messages.control('From offset');
  await offset.fill('12x');
  await offset.press('Enter');
  await expect(offset).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('A whole number, 0 or more')).toBeVisible();
  await expect(page).toHaveURL(/offset=2/);
  await offset.fill('3');
  await offset.press('Enter');
  await expect(page).toHaveURL(/offset=3/);
  await expect(offset).not.toHaveAttribute('aria-invalid', 'true');
  await expect(messages.table().getByRole('button', { name: /^Expand message/ }).first()).toHaveAccessibleName('Expand message 0/3');
});
