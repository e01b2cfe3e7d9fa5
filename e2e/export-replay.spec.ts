// The filter box, the export download and the replay dialog in Chromium, on the primary cluster: a
// wrong filter shows its position with a caret; a filter narrows the page and goes into the URL;
// Export downloads the filtered view as NDJSON with its progress; two ticked rows replayed to
// another topic arrive there with their keys (read back with kafkajs), after a preview saying so.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { createTopic, kafka, produce, uniqueName } from './support/kafka';

test('filter, export and replay from the messages page', async ({ page }) => {
  const topic = uniqueName('exp');
  const target = uniqueName('exp-target');
  await createTopic(topic, 1);
  await createTopic(target, 1);
  await produce(topic, Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify({ amount: i * 100 }) })));
  const messages = new MessagesPage(page, topic);
  await messages.open('?from=earliest&order=asc');

  const filter = page.getByLabel('Filter (CEL)');
  await filter.fill('value.amount >');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page.getByLabel('Filter error position')).toContainText('^');
  await filter.fill('value.amount >= 700');
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(page).toHaveURL(/filter=value\.amount/);
  await expect(messages.table().getByRole('row')).toHaveCount(4);

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export messages' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { key: string });
  expect(lines.map((l) => l.key)).toEqual(['k7', 'k8', 'k9']);
  await expect(dialog.getByRole('status', { name: 'Export progress' })).toContainText('Saved: 3 records');
  await dialog.press('Escape');

  await page.getByRole('checkbox', { name: 'Select message 0/7' }).check();
  await page.getByRole('checkbox', { name: 'Select message 0/9' }).check();
  await page.getByRole('button', { name: 'Replay (2)' }).click();
  const replay = page.getByRole('dialog', { name: 'Replay messages' });
  await replay.getByLabel('Target topic').fill(target);
  await replay.getByRole('button', { name: 'Preview' }).click();
  await expect(replay.getByRole('region', { name: 'Replay plan' })).toContainText('2 to produce');
  await replay.getByRole('button', { name: /^Replay 2 records/ }).click();
  await expect(replay.getByRole('status', { name: 'Replay progress' })).toContainText('Done: 2 produced');

  const admin = kafka().admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(target);
  await admin.disconnect();
  expect(offsets[0]!.high).toBe('2');
  const consumer = kafka().consumer({ groupId: uniqueName('exp-check') });
  await consumer.connect();
  await consumer.subscribe({ topic: target, fromBeginning: true });
  const got: string[] = [];
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        got.push(`${message.key?.toString()}=${message.value?.toString()}`);
        if (got.length === 2) resolve();
      },
    });
  });
  await consumer.disconnect();
  expect(got.sort()).toEqual(['k7={"amount":700}', 'k9={"amount":900}']);
});
