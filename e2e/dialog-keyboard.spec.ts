// Dialogs by keyboard alone: opening one puts the cursor in its first field, Enter confirms a typed
// name, Escape closes without acting; a link inside a dialog that only changes the URL closes it too.
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { TopicPage } from './pages/topic';
import { at } from './support/clusters';
import { createTopic, uniqueName } from './support/kafka';

test('a topic can be deleted by typing its name and pressing Enter', async ({ page }) => {
  const topic = uniqueName('kbd');
  await createTopic(topic, 1);
  const t = new TopicPage(page, topic);
  await t.open();

  await page.getByRole('button', { name: 'Produce' }).click();
  const produce = page.getByRole('dialog', { name: `Produce to ${topic}` });
  await expect(produce.getByLabel('Key', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(produce).toBeHidden();

  await page.getByRole('button', { name: 'Delete topic' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete topic ${topic}` });
  await expect(dialog.getByLabel('Type the topic name to confirm')).toBeFocused();
  await page.keyboard.type(topic);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(at('topics'));
  await expect(page.getByRole('status').filter({ hasText: `Topic ${topic} deleted` })).toBeVisible();
});

test('"View it" after producing on the messages page closes the dialog and shows the message', async ({ page }) => {
  const topic = uniqueName('viewit');
  await createTopic(topic, 1);
  const messages = new MessagesPage(page, topic);
  await messages.open();
  await page.getByRole('button', { name: 'Produce', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Produce to ${topic}` });
  await dialog.getByLabel('Value', { exact: true }).fill('just produced');
  await dialog.getByRole('button', { name: 'Produce', exact: true }).click();
  await dialog.getByRole('link', { name: 'View it' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/from=offset&offset=0/);
  await expect(messages.table()).toContainText('just produced');
});
