// Time ranges and search in the browser: a typed time is read in the zone the page shows (named in
// the label), typing a year never jumps to year 0002, a stop time bounds the view, and the search —
// query, fields, mode with the view's range and order — lives in the URL, so a shared link opens
// the same results (newest first), and "0 matches in N scanned" says when nothing matched.
import { expect, test } from '@playwright/test';
import { MessagesPage } from './pages/messages';
import { createTopic, produce, uniqueName } from './support/kafka';

// A zone away from UTC, so reading a typed time in the wrong zone shows.
test.use({ timezoneId: 'Asia/Kolkata' });

const BASE = Date.UTC(2024, 4, 1, 10, 0, 0);
const minute = 60_000;

async function timedTopic(prefix: string): Promise<string> {
  const topic = uniqueName(prefix);
  await createTopic(topic, 1);
  // One record a minute from 10:00 UTC, the 5th and the 9th holding the needle.
  await produce(
    topic,
    Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: i === 4 || i === 8 ? `m${i} needle` : `m${i} hay`, timestamp: String(BASE + i * minute) })),
  );
  return topic;
}

test('a typed time is read in the chosen zone, named in the label, and typing a year never jumps to year 2', async ({ page }) => {
  const topic = await timedTopic('typed-time');
  const messages = new MessagesPage(page, topic);
  await messages.open(`?partition=0&order=asc&from=timestamp&timestamp=${BASE}&tz=utc`);
  const from = page.getByLabel('From (UTC)', { exact: true });
  await expect(from).toHaveValue('2024-05-01 10:00:00');
  await expect(messages.table()).toContainText('m0 hay');

  // Typed key by key: nothing is applied while the value is incomplete (no year 0002, no empty page).
  await from.fill('');
  for (const ch of '2024-05-01 10:03:00') {
    await from.press(ch === ' ' ? 'Space' : ch);
    expect(page.url()).toContain(`timestamp=${BASE}`);
  }
  await expect(page.getByText('No messages here')).toHaveCount(0);
  await from.press('Enter');
  // Read as UTC, as the label says: 10:03 UTC, the fourth record.
  await expect(page).toHaveURL(new RegExp(`timestamp=${BASE + 3 * minute}(&|$)`));
  await expect(messages.table().getByRole('row').nth(1)).toContainText('m3 hay');

  // The local zone is named with its offset, and a time typed there is read in it.
  await messages.control('Time zone').selectOption('local');
  const local = page.getByLabel('From (local time, UTC+05:30)', { exact: true });
  await expect(local).toHaveValue('2024-05-01 15:33:00');
  await local.fill('2024-05-01 15:36:00');
  await local.press('Enter');
  await expect(page).toHaveURL(new RegExp(`timestamp=${BASE + 6 * minute}(&|$)`));
  // Said in the control: oldest first from a time means at or after it.
  await expect(page.getByText('Oldest first: at or after this time')).toBeVisible();
});

test('newest first from a time shows the records at or before it, down to the stop time', async ({ page }) => {
  const topic = await timedTopic('range-back');
  const messages = new MessagesPage(page, topic);
  await messages.open(`?partition=0&order=desc&from=timestamp&timestamp=${BASE + 6 * minute}&to=timestamp&toTimestamp=${BASE + 2 * minute}&tz=utc`);
  await expect(page.getByText('Newest first: at or before this time')).toBeVisible();
  const rows = messages.table().getByRole('row');
  await expect(rows).toHaveCount(6); // header + m6..m2
  await expect(rows.nth(1)).toContainText('m6 hay');
  await expect(rows.nth(5)).toContainText('m2 hay');
});

test('the search lives in the URL: a shared link opens the same results, newest first, in place of the table', async ({ page, context }) => {
  const topic = await timedTopic('search-url');
  const messages = new MessagesPage(page, topic);
  await messages.open('?partition=0');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const search = page.getByRole('search');
  await search.getByLabel('Search text').fill('NEEDLE');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]q=NEEDLE(&|$)/);
  const status = page.getByRole('status').filter({ hasText: 'Search finished' });
  await expect(status).toContainText('matched 2');
  const results = page.getByRole('table', { name: 'Search results' });
  // Newest first: m8 before m4; the page's own table is replaced by the results.
  await expect(results.getByRole('row').nth(1)).toContainText('m8 needle');
  await expect(results.getByRole('row').nth(2)).toContainText('m4 needle');
  await expect(messages.table()).toHaveCount(0);

  const shared = page.url();
  const other = await context.newPage();
  await other.goto(shared);
  await expect(other.getByRole('search').getByLabel('Search text')).toHaveValue('NEEDLE');
  await expect(other.getByRole('status').filter({ hasText: 'Search finished' })).toContainText('matched 2');
  await expect(other.getByRole('table', { name: 'Search results' }).getByRole('row').nth(1)).toContainText('m8 needle');

  // The view's range applies: up to 10:05 oldest first, only m4 matches; a regex in the URL too.
  await other.goto(`${shared}&order=asc&from=earliest&to=timestamp&toTimestamp=${BASE + 5 * minute}`);
  await expect(other.getByRole('status').filter({ hasText: 'Search finished' })).toContainText('matched 1');
  await other.goto(`${shared.replace(/q=NEEDLE/, 'q=zzz')}`);
  await expect(other.getByRole('status').filter({ hasText: 'Search finished' })).toContainText('0 matches in 10 scanned');
  await other.close();
});
