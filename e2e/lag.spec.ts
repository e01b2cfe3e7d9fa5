// Lag as a user sees it: a real kafkajs group consumer commits half of 50 messages and stops; the
// group page shows the committed offset and a lag of 25; the reset wizard previews "earliest" and
// applies it; the lag is then all 50 messages.
import { expect, test } from '@playwright/test';
import { GroupPage } from './pages/group';
import { saveScreenshot } from './support/screenshot';
import { createTopic, kafka, produce, uniqueName } from './support/kafka';

test('committed offsets, lag, and a reset to earliest', async ({ page }) => {
  test.setTimeout(120_000);
  const topic = uniqueName('lag');
  const groupId = uniqueName('lag-group');
  await createTopic(topic, 1);
  await produce(
    topic,
    Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify({ n: i }), partition: 0 })),
  );

  const consumer = kafka().consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  const half = new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ message }) => {
          seen += 1;
          if (message.offset === '24') {
            await consumer.commitOffsets([{ topic, partition: 0, offset: '25' }]);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await half;
  await consumer.disconnect();
  expect(seen).toBeGreaterThanOrEqual(25);

  const group = new GroupPage(page, groupId);
  await group.open();
  const offsets = group.offsets(topic);
  await expect(offsets).toBeVisible();
  const row = offsets.getByRole('row').nth(1);
  await expect(row.getByRole('cell').nth(1)).toHaveText('25'); // committed
  await expect(row.getByRole('cell').nth(3)).toHaveText('50'); // log end
  await expect(row.getByRole('cell').nth(4)).toHaveText('25'); // lag
  await expect(group.totalLag()).toHaveText('25');
  await saveScreenshot(page, 'group');

  const wizard = await group.previewReset('Earliest');
  const preview = wizard.getByRole('table', { name: 'Reset preview' }).getByRole('row').nth(1);
  await expect(preview).toContainText('25');
  await expect(preview.getByRole('cell').nth(3)).toHaveText('0'); // new offset
  await expect(preview.getByRole('cell').nth(5)).toHaveText('50'); // lag after
  await saveScreenshot(page, 'reset-preview');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Reset offsets' }).click();
  await expect(wizard).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Offsets of' })).toBeVisible();
  await expect(group.totalLag()).toHaveText('50');
  await expect(offsets.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('0');
});
