// Bidirectional control characters in names are shown, not obeyed: U+202E (right-to-left override)
// would make "\u202Eevil" display as "live". Group ids, record keys and header names can carry it in
// any Kafka; topic names cannot in Kafka (nor in the embedded broker), but other brokers have been
// lax, so the topic list is fed one through the browser's network layer.
import { expect, test } from '@playwright/test';
import { at } from './support/clusters';
import { gotoHydrated } from './support/hydrated';
import { commitGroupOffsets, createTopic, kafka, uniqueName } from './support/kafka';

const RLO = '\u202E';

test('a topic whose name holds U+202E shows <U+202E> in the topic list', async ({ page }) => {
  const topic = uniqueName('bidi');
  await createTopic(topic);
  const shown = `${topic}-<U+202E>evil`;
  // The real answer, plus the same topic under a name with an override in it.
  await page.route('**/api/clusters/primary/topics?**', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    const real = body.items.find((t: { name: string }) => t.name === topic);
    body.items.push({ ...real, name: `${topic}-${RLO}evil` });
    body.total += 1;
    await route.fulfill({ response: res, json: body });
  });
  await gotoHydrated(page, `${at('topics')}?q=${topic}`);
  // The first page of data comes with the HTML (server prefetch); a refresh asks through the browser,
  // whose answer the route above extends.
  await page.getByRole('button', { name: 'Refresh this page' }).click();
  const table = page.getByRole('table', { name: 'Topics' });
  await expect(table.getByRole('link', { name: shown })).toBeVisible();
  expect(await table.innerText()).not.toContain(RLO);
});

test('group ids, record keys and header names show <U+202E> instead of obeying it', async ({ page }) => {
  const topic = uniqueName('bidi-msgs');
  const groupId = `${uniqueName('bidi-group')}-${RLO}evil`;
  await createTopic(topic);
  const producer = kafka().producer({ allowAutoTopicCreation: false, idempotent: false });
  await producer.connect();
  try {
    await producer.send({ topic, messages: [{ key: `${RLO}yek`, value: 'v', headers: { [`${RLO}redaeh`]: 'x' } }] });
  } finally {
    await producer.disconnect();
  }
  await commitGroupOffsets(groupId, topic, [{ partition: 0, offset: '0' }]);
  const visibleGroup = groupId.replace(RLO, '<U+202E>');

  await gotoHydrated(page, `${at('groups')}?q=${encodeURIComponent(groupId.slice(0, 20))}`);
  const groups = page.getByRole('table', { name: 'Consumer groups' });
  await expect(groups.getByRole('link', { name: visibleGroup })).toBeVisible();
  expect(await groups.innerText()).not.toContain(RLO);
  // The link still leads to the group itself, whose page names it visibly too.
  await groups.getByRole('link', { name: visibleGroup }).click();
  await expect(page.getByRole('heading', { name: visibleGroup })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(visibleGroup.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  await gotoHydrated(page, `${at('topics', topic, 'messages')}?from=earliest`);
  const messages = page.getByRole('table', { name: 'Messages' });
  await expect(messages).toContainText('<U+202E>yek');
  await messages.getByRole('button', { name: /^Expand message \d+\/0$/ }).click();
  await page.getByRole('region', { name: 'Value' }).getByRole('tab', { name: /^Headers/ }).click();
  const headers = page.getByRole('table', { name: 'Headers' });
  await expect(headers).toContainText('<U+202E>redaeh');
  expect(await messages.innerText()).not.toContain(RLO);
});
