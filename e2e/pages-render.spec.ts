// Every main page renders real data from the broker in light and dark mode, and is saved as a
// screenshot artifact for review (test-results/screenshots, not committed).
import { expect, test } from '@playwright/test';
import { at } from './support/clusters';
import { saveScreenshot } from './support/screenshot';
import { commitGroupOffsets, createTopic, produce, uniqueName } from './support/kafka';

test('topic list, group list, brokers and a broker render in light and dark mode', async ({ page }) => {
  const topic = uniqueName('render');
  const groupId = uniqueName('render-group');
  await createTopic(topic, 3);
  await produce(topic, [{ key: 'a', value: '{"hello":"world"}' }]);
  await commitGroupOffsets(groupId, topic, [0, 1, 2].map((partition) => ({ partition, offset: '0' })));

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${at('topics')}?q=${topic}`);
    await expect(page.getByRole('table', { name: 'Topics' }).getByRole('link', { name: topic })).toBeVisible();
    await saveScreenshot(page, `topics-${scheme}`);

    await page.goto(`${at('groups')}?q=${groupId}`);
    await expect(page.getByRole('table', { name: 'Consumer groups' }).getByRole('link', { name: groupId })).toBeVisible();
    await saveScreenshot(page, `groups-${scheme}`);

    await page.goto(at('brokers'));
    await expect(page.getByRole('table', { name: 'Brokers' }).getByRole('row')).toHaveCount(4);
    await saveScreenshot(page, `brokers-${scheme}`);

    await page.goto(at('brokers', 1));
    await expect(page.getByRole('table', { name: 'Broker configs' })).toBeVisible();
    await saveScreenshot(page, `broker-${scheme}`);

    await page.goto(at('topics', topic));
    await expect(page.getByRole('table', { name: 'Topic configs' })).toBeVisible();
    await saveScreenshot(page, `topic-${scheme}`);

    await page.goto(`${at('topics', topic, 'messages')}?from=earliest&open=`);
    await expect(page.getByRole('table', { name: 'Messages' })).toContainText('hello');
    await saveScreenshot(page, `messages-${scheme}`);
  }
});

test('an unknown topic shows the server problem with a retry', async ({ page }) => {
  await page.goto(at('topics', uniqueName('missing')));
  const alert = page.getByRole('alert').filter({ hasText: 'Request failed' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await saveScreenshot(page, 'error-banner');
});
