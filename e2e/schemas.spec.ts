// Schemas end to end, in Chromium against the production build: an Avro topic shaped like the demo's
// payments (a decimal, a timestamp, an optional note; two schema versions in use), written the way
// applications write it (@kafkajs/confluent-schema-registry through the primary cluster's registry).
// A record expanded in the message browser shows its field values and its schema version; the topic
// page names its subject; the subject's page diffs the two versions; and a BACKWARD-incompatible
// draft is shown as refused by the registry before anything is saved.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { at } from './support/clusters';
import { gotoHydrated } from './support/hydrated';
import { createTopic, produce, uniqueName } from './support/kafka';
import { REGISTRY_URL } from './support/registry';
import { saveScreenshot } from './support/screenshot';

const V1 = {
  type: 'record',
  name: 'Payment',
  namespace: 'e2e.payments',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};
const V2 = { ...V1, fields: [...V1.fields, { name: 'method', type: ['null', 'string'], default: null }] };

test('an Avro topic: decoded records with their schema version, the subject, a diff of two versions, an incompatible draft refused before saving', async ({ page }) => {
  const topic = uniqueName('payments');
  const subject = `${topic}-value`;
  await createTopic(topic);
  const registry = new SchemaRegistry({ host: REGISTRY_URL });
  const v1 = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(V1) }, { subject });
  const v2 = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(V2) }, { subject });
  const at0 = Date.UTC(2024, 4, 6, 7, 8, 9, 123);
  await produce(topic, [
    // 12345 cents as a two's-complement big-endian unscaled decimal.
    { key: 'p-1', value: await registry.encode(v1.id, { id: 'p-1', amount: Buffer.from([0x30, 0x39]), at: at0, note: 'first' }) },
    { key: 'p-2', value: await registry.encode(v2.id, { id: 'p-2', amount: Buffer.from([0x01]), at: at0, note: null, method: 'card' }) },
  ]);

  const messages = new MessagesPage(page, topic);
  await messages.open('?order=asc');
  await messages.expandFirst();
  const value = messages.valueSection();
  await expect(value.getByLabel('Decoded as')).toContainText('Avro');
  await expect(value.getByLabel('Decoded as')).toContainText(`${subject} v1 · id ${v1.id}`);
  await expect(value).toContainText('"p-1"');
  await expect(value).toContainText('"123.45"');
  await expect(value).toContainText('"2024-05-06T07:08:09.123Z"');
  await expect(value).toContainText('"first"');
  await saveScreenshot(page, 'schemas-avro-record');

  // The topic page names its value subject; the sidebar leads to the registry's subjects.
  await gotoHydrated(page, at('topics', topic));
  const schemas = page.getByRole('region', { name: 'Schemas' });
  await expect(schemas).toContainText('latest version 2');
  await schemas.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();

  const compare = page.getByRole('region', { name: 'Compare versions' });
  // Version 2 adds the eight lines of its "method" field, and nothing is removed.
  await expect(compare.getByRole('status')).toHaveText('8 added, 0 removed');
  const diff = compare.getByLabel('Diff of versions 1 and 2');
  await expect(diff.locator('[data-kind="added"]')).toHaveCount(8);
  await expect(diff.locator('[data-kind="added"]').filter({ hasText: '"name": "method"' })).toHaveCount(1);
  await expect(diff.locator('[data-kind="same"]').filter({ hasText: '"name": "note"' })).toHaveCount(1);
  await compare.getByLabel('From version').selectOption('2');
  await expect(compare.getByRole('status')).toHaveText('0 added, 0 removed');
  await compare.getByLabel('From version').selectOption('1');
  await saveScreenshot(page, 'schemas-diff');

  // A field without a default: new readers cannot read old records. The check says so first.
  await page.getByRole('button', { name: 'New version' }).click();
  const dialog = page.getByRole('dialog', { name: `New version of ${subject}` });
  const incompatible = { ...V2, fields: [...V2.fields, { name: 'currency', type: 'string' }] };
  await dialog.getByLabel('Schema', { exact: true }).fill(JSON.stringify(incompatible, null, 2));
  await expect(dialog.getByRole('button', { name: 'Register' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Check compatibility' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Not compatible');
  await expect(dialog.getByRole('alert')).toContainText('currency');
  await expect(dialog.getByRole('button', { name: 'Register' })).toBeDisabled();
  await saveScreenshot(page, 'schemas-incompatible');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const versions = (await (await fetch(`${REGISTRY_URL}/subjects/${subject}/versions`)).json()) as number[];
  expect(versions).toEqual([1, 2]);

  // The subjects list finds it by name, with its type and latest version.
  await gotoHydrated(page, `${at('schemas')}?q=${encodeURIComponent(topic)}`);
  const row = page.getByRole('table', { name: 'Subjects' }).getByRole('row').filter({ hasText: subject });
  await expect(row).toContainText('AVRO');
  await expect(row).toContainText(topic);
});
