// Message contents are untrusted: markup is shown as text and never runs; invalid UTF-8 shows as a
// hex dump; a 2 MB value keeps the page responsive.
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { createTopic, produce, uniqueName } from './support/kafka';

test('HTML and script values are shown as text and never executed', async ({ page }) => {
  const topic = uniqueName('xss');
  const img = '<img src=x onerror="window.__xss=1">';
  const script = '<script>window.__xss=2</script>';
  await createTopic(topic);
  await produce(topic, [
    { key: '<b>k</b>', value: img },
    { key: 'json', value: JSON.stringify({ html: img, script }) },
    { key: 's', value: script },
  ]);
  const messages = new MessagesPage(page, topic);
  await messages.open('?from=earliest&order=asc');
  await expect(messages.table()).toContainText(img);
  await expect(messages.table()).toContainText(script);
  for (let i = 0; i < 3; i++) {
    await messages.table().getByRole('button', { name: new RegExp(`^Expand message \\d+/${i}$`) }).click();
    await expect(messages.valueSection()).toBeVisible();
    await messages.showValueTab('Text');
    await expect(messages.valueSection().getByLabel('Plain text')).toContainText(i === 1 ? 'onerror' : '<');
  }
  await expect(page.locator('table img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('a binary value shows its hex dump and a 2 MB value does not freeze the page', async ({ page }) => {
  const topic = uniqueName('bin');
  await createTopic(topic, 1, { 'max.message.bytes': String(4 * 1024 * 1024) });
  const binary = Buffer.from([0xff, 0xfe, 0x00, 0x01, 0xc3, 0x28, 0x80, 0x41]);
  const big = JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) });
  await produce(topic, [{ key: 'bin', value: binary }]);
  await produce(topic, [{ key: 'big', value: big }]);
  const messages = new MessagesPage(page, topic);
  await messages.open('?from=earliest&order=asc');
  const rows = messages.table().getByRole('row');
  await expect(rows.filter({ hasText: 'binary' })).toHaveCount(1);

  await messages.table().getByRole('button', { name: /^Expand message \d+\/0$/ }).click();
  const hex = messages.valueSection().getByLabel('Hex dump');
  await expect(hex).toBeVisible();
  await expect(hex).toContainText('ff fe 00 01 c3 28 80 41');

  await messages.table().getByRole('button', { name: /^Expand message \d+\/1$/ }).click();
  await expect(messages.valueSection()).toBeVisible();
  // The page still answers promptly: a round trip through the event loop completes and the
  // controls respond to input.
  expect(await page.evaluate(() => new Promise((r) => setTimeout(() => r('alive'), 0)))).toBe('alive');
  await messages.control('Time zone').selectOption('utc');
  await expect(messages.table()).toContainText('UTC');
});
