// Consumer health as a user sees it, in Chromium: a group whose committed offset is above the log
// end shows ERROR with its reason and a negative lag marked "above log end", per partition too; the
// lag history draws its charts once the sampler (every second in these tests) has two samples; the
// range and the lines chosen live in the URL; the group list filters by status. GET /metrics from the
// production server, read by Prometheus's own parser, agrees with the group API.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { GroupPage } from './pages/group';
import { at } from './support/clusters';
import { gotoHydrated } from './support/hydrated';
import { commitGroupOffsets, createTopic, produce, uniqueName } from './support/kafka';
import { saveScreenshot } from './support/screenshot';

test('group page: status per group and partition, negative lag in sight, lag charts with the range in the URL', async ({ page, request }) => {
  test.setTimeout(120_000);
  const topic = uniqueName('health');
  const groupId = uniqueName('ahead-group');
  await createTopic(topic, 2);
  await produce(topic, [
    ...Array.from({ length: 100 }, (_, i) => ({ value: `a${i}`, partition: 0 })),
    ...Array.from({ length: 10 }, (_, i) => ({ value: `b${i}`, partition: 1 })),
  ]);
  await commitGroupOffsets(groupId, topic, [
    { partition: 0, offset: '120' },
    { partition: 1, offset: '4' },
  ]);
  // The sampler judges the group within a round or two, and the history needs two samples to draw.
  await expect
    .poll(async () => (await (await request.get(`/api/clusters/primary/groups/${groupId}/lag-history?range=15m`)).json()).totals?.length ?? 0, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2);

  const group = new GroupPage(page, groupId);
  await group.open();
  await expect(page.getByTestId('group-status')).toHaveAttribute('data-status', 'ERROR');
  await expect(page.getByTestId('status-reason')).toContainText(`${topic}-0: committed offset 120 is above the log end 100 (lag -20)`);
  await expect(group.totalLag()).toContainText('-14');
  const row0 = group.offsets(topic).getByRole('row').nth(1);
  await expect(row0.getByRole('cell').nth(4)).toContainText('-20');
  await expect(row0.getByRole('cell').nth(4)).toContainText('above log end');
  await expect(page.getByTestId(`status-${topic}-0`)).toHaveAttribute('data-status', 'ERROR');
  await expect(page.getByTestId(`status-${topic}-1`)).toHaveAttribute('data-status', /^(OK|STOP)$/);

  // The charts: uPlot, loaded after the page, draws three canvases.
  const chart = page.getByRole('figure', { name: new RegExp(`^Lag of ${groupId} over the last 1 hour$`) });
  await expect(chart.locator('canvas')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('figure', { name: 'Records consumed and produced per second' }).locator('canvas')).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Seconds behind the newest record' }).locator('canvas')).toBeVisible();
  await saveScreenshot(page, 'group-lag-history');

  // Range and lines in the URL, kept across a reload.
  await page.getByRole('group', { name: 'Range' }).getByRole('button', { name: '6h' }).click();
  await expect(page).toHaveURL(/[?&]range=6h/);
  await page.getByLabel('Lines').selectOption('partition');
  await expect(page).toHaveURL(/[?&]lagBy=partition/);
  await page.reload();
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await expect(page.getByRole('group', { name: 'Range' }).getByRole('button', { name: '6h' })).toHaveAttribute('aria-pressed', 'true');
  const perPartition = page.getByRole('figure', { name: new RegExp(`^Lag of ${groupId} over the last 6 hours$`) });
  await expect(perPartition.locator('canvas')).toBeVisible({ timeout: 20_000 });
  await expect(perPartition.locator('.u-legend')).toContainText(`${topic}-1`);

  // The group list: status column, and the status filter in the URL.
  await gotoHydrated(page, `${at('groups')}?q=${encodeURIComponent(groupId)}&status=ERROR`);
  const listRow = page.getByRole('row').filter({ hasText: groupId });
  await expect(listRow).toBeVisible();
  await expect(listRow).toContainText('ERROR');
  await expect(listRow).toContainText('above log end');
  await page.getByLabel('Status').selectOption('OK');
  await expect(page).toHaveURL(/[?&]status=OK/);
  await expect(page.getByText('No group matches')).toBeVisible();

  // The topic page: the group's status on this topic.
  await gotoHydrated(page, at('topics', topic));
  const topicRow = page.getByRole('row').filter({ hasText: groupId });
  await expect(topicRow).toContainText('ERROR');
});

test('GET /metrics from the running console: Prometheus\'s parser reads it, and its lag equals the group page\'s', async ({ request }) => {
  const topic = uniqueName('metrics');
  const groupId = uniqueName('metrics-group');
  await createTopic(topic, 1);
  await produce(topic, Array.from({ length: 30 }, (_, i) => ({ value: `m${i}`, partition: 0 })));
  await commitGroupOffsets(groupId, topic, [{ partition: 0, offset: '12' }]);
  const lagOf = async (): Promise<number | null> => {
    const res = await request.get('/metrics');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const script = [
      'import sys, json',
      'from prometheus_client.parser import text_string_to_metric_families',
      'out = [s.value for f in text_string_to_metric_families(sys.stdin.read()) for s in f.samples',
      `       if s.name == "kafscope_consumergroup_lag" and s.labels.get("group") == ${JSON.stringify(groupId)}]`,
      'print(json.dumps(out))',
    ].join('\n');
    const values = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: await res.text(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as number[];
    return values.length === 1 ? values[0]! : null;
  };
  await expect.poll(lagOf, { timeout: 30_000 }).toBe(18);
  const group = await (await request.get(`/api/clusters/primary/groups/${groupId}`)).json();
  expect(group.totals.lag).toBe('18');
  expect(group.offsets[0].lag).toBe('18');
});
