// The live tail in Chromium: records produced after the tail opened show within a second, newest on
// top; pause holds new records and resume shows them; 5,000 messages a second for 10 s keep the page
// responsive (no main-thread task of 200 ms or more, by a PerformanceObserver in the page) with the
// window of rows bounded. Those run on the primary cluster. Closing the tab stops the server's
// fetches within 2 s: that test has its own broker, in this process so its request counters can be
// read, and its own production server.
import { expect, test, type Page } from '@playwright/test';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { startBroker, type RunningBroker } from '../lib/broker';
import { clusterPath, PRIMARY } from './support/clusters';
import { startApp, type AppProcess } from './support/app-process';
import { createTopic, kafka as primaryKafka, uniqueName } from './support/kafka';

/** Opens the topic's messages page in Live mode (a live stream never lets the network go idle). */
async function openLive(page: Page, topic: string, base = '', cluster = PRIMARY) {
  await page.goto(`${base}${clusterPath(cluster, 'topics', topic, 'messages')}?mode=live`, { waitUntil: 'domcontentloaded' });
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
}

const liveRows = (page: Page) => page.getByRole('table', { name: 'Live messages' }).locator('tbody tr:not([aria-hidden])');

test('a live tail shows new records within a second, newest on top, and pauses and resumes', async ({ page }) => {
  const topic = uniqueName('live');
  await createTopic(topic, 3);
  const producer = primaryKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic, messages: [{ value: 'before the tail' }] });
  await openLive(page, topic);
  for (const n of [1, 2]) {
    const sent = Date.now();
    await producer.send({ topic, messages: [{ key: `k${n}`, value: `live record ${n}` }] });
    await expect(liveRows(page).first()).toContainText(`live record ${n}`, { timeout: 1_000 });
    expect(Date.now() - sent).toBeLessThan(1_000);
  }
  await expect(page.getByRole('table', { name: 'Live messages' })).not.toContainText('before the tail');
  await expect(liveRows(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Pause' }).click();
  await producer.send({ topic, messages: [{ value: 'while paused' }] });
  await expect(page.getByRole('note').filter({ hasText: 'held' })).toContainText('1 held');
  await expect(liveRows(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(liveRows(page).first()).toContainText('while paused');
  await expect(liveRows(page)).toHaveCount(3);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Stopped', { exact: true })).toBeVisible();
  await producer.send({ topic, messages: [{ value: 'after stop' }] });
  await page.waitForTimeout(1_000);
  await expect(page.getByRole('table', { name: 'Live messages' })).not.toContainText('after stop');
  await producer.disconnect();
});

test('5,000 messages a second for 10 s keep the page responsive with the window bounded', async ({ page }) => {
  test.setTimeout(120_000);
  const topic = uniqueName('live-load');
  await createTopic(topic, 3);
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await openLive(page, topic);
  // The same page idle for 5 s first: what this machine costs the page with nothing arriving.
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  await page.waitForTimeout(5_000);
  const idle = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  const producer = primaryKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const value = JSON.stringify({ id: 0, payload: 'x'.repeat(200) });
  const started = Date.now();
  let sent = 0;
  // 2,500 every half second, in one request each: the rate without a request per 100 ms.
  for (let tick = 0; tick < 20; tick++) {
    await producer.send({ topic, messages: Array.from({ length: 2_500 }, (_, i) => ({ key: `k${sent + i}`, value })) });
    sent += 2_500;
    const due = started + (tick + 1) * 500;
    if (Date.now() < due) await new Promise((r) => setTimeout(r, due - Date.now()));
  }
  const seconds = (Date.now() - started) / 1000;
  await producer.disconnect();
  await page.waitForTimeout(1_500);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const status = await page.getByRole('status', { name: 'Live rate' }).innerText();
  const shown = Number(/([\d,]+) shown/.exec(status)![1]!.replace(/,/g, ''));
  console.log(`live load: ${sent} messages in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s); long tasks: ${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms; ${shown} rows in the window; ${status}; idle page: ${idle.length} long tasks, longest ${Math.round(Math.max(0, ...idle))} ms`);
  expect(sent / seconds).toBeGreaterThan(4_000);
  expect(Math.max(0, ...longTasks)).toBeLessThan(200);
  expect(shown).toBeGreaterThan(900);
  expect(shown).toBeLessThanOrEqual(1_000);
  // Virtualised: only a screenful of rows is in the document.
  expect(await liveRows(page).count()).toBeLessThan(100);
  // Still interactive: Pause answers at once.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible({ timeout: 1_000 });
});

test('closing the tab stops the server-side fetches within 2 s', async ({ browser }) => {
  test.setTimeout(180_000);
  const broker: RunningBroker = await startBroker({ port: 0, host: '127.0.0.1', nodes: 1, dataDir: null, log: () => undefined });
  let app: AppProcess | undefined;
  try {
    app = await startApp({ KAFKA_CLUSTERS_0_NAME: 'live', KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: broker.bootstrap, KAFSCOPE_QUIET_KAFKA_LOGS: '1' });
    const kafka = new Kafka({ clientId: 'e2e-live', brokers: broker.bootstrap.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const topic = uniqueName('live-close');
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    await admin.disconnect();
    const fetches = () => Object.entries(broker.stats().requests).reduce((n, [k, v]) => (k.startsWith('Fetch:') ? n + v : n), 0);
    const context = await browser.newContext();
    const page = await context.newPage();
    await openLive(page, topic, app.base, 'live');
  const a = fetches();
  await page.waitForTimeout(2_000);
  expect(fetches()).toBeGreaterThan(a); // the tail long-polls while the tab is open
  await context.close();
  await new Promise((r) => setTimeout(r, 2_000));
  const settled = fetches();
  await new Promise((r) => setTimeout(r, 3_000));
    expect(fetches()).toBe(settled);
  } finally {
    await app?.stop();
    await broker.close();
  }
});
