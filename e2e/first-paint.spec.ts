// Data in the first paint: the server renders a page with its data when the cluster answers within
// the prefetch deadline (lib/prefetch), so with JavaScript off in the browser the topic list, a
// group's page and the brokers page (with the cluster-wide defaults) still show their data; and a
// cluster that accepts connections and never answers holds no page: the shell is on screen within a
// second, the page's data then loading in the browser.
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { startApp, type AppProcess } from './support/app-process';
import { at } from './support/clusters';
import { commitGroupOffsets, createTopic, produce, uniqueName } from './support/kafka';

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the topic list and a group page show their data', async ({ page, request }) => {
    const topic = uniqueName('nojs');
    const group = uniqueName('nojs-group');
    await createTopic(topic, 2);
    await produce(topic, [{ value: 'a', partition: 0 }, { value: 'b', partition: 0 }, { value: 'c', partition: 1 }]);
    await commitGroupOffsets(group, topic, [{ partition: 0, offset: '1' }, { partition: 1, offset: '0' }]);
    // The prefetch waits 300 ms: warm the cluster's connections and caches as a user's earlier pages would.
    expect((await request.get(`/api/clusters/primary/topics?q=${topic}`)).ok()).toBe(true);
    expect((await request.get(`/api/clusters/primary/groups/${group}`)).ok()).toBe(true);

    await page.goto(`${at('topics')}?q=${topic}`);
    const row = page.getByRole('table', { name: 'Topics' }).getByRole('row').filter({ hasText: topic });
    await expect(row).toBeVisible();
    await expect(row).toContainText('3'); // three messages
    await expect(page.getByRole('status', { name: 'Loading topics' })).toHaveCount(0);

    await page.goto(at('groups', group));
    await expect(page.getByTestId('total-lag')).toHaveText('2'); // 1 + 1 records behind
    await expect(page.getByRole('table', { name: `Offsets of ${topic}` })).toBeVisible();
  });

  test('the brokers page shows the brokers and the cluster-wide defaults', async ({ page, request }) => {
    expect((await request.get('/api/clusters/primary/overview')).ok()).toBe(true);
    expect((await request.get('/api/clusters/primary/brokers/default/configs')).ok()).toBe(true);
    await page.goto(at('brokers'));
    await expect(page.getByRole('table', { name: 'Brokers' }).getByRole('row')).not.toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Cluster-wide broker defaults' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Loading broker defaults' })).toHaveCount(0);
  });
});

test.describe('a cluster that never answers', () => {
  let app: AppProcess;
  let silent: net.Server;
  const sockets = new Set<net.Socket>();

  test.beforeAll(async () => {
    silent = net.createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as net.AddressInfo).port;
    app = await startApp({
      KAFKA_CLUSTERS_0_NAME: 'hung',
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: `127.0.0.1:${port}`,
      KAFKA_BROKERCONNECT: undefined,
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => (silent ? silent.close(() => r()) : r()));
  });

  // The console itself warmed up (its first render loads its modules), as a user's earlier pages would.
  test.beforeAll(async () => {
    await fetch(`${app.base}/`).then((r) => r.text());
  });

  for (const section of ['topics', 'groups', '', 'brokers'] as const) {
    test(`the ${section || 'overview'} page's shell arrives and renders within a second`, async ({ browser }) => {
      const url = `${app.base}/clusters/hung/${section}`;
      await fetch(url).then((r) => r.text()); // this page's server code loaded once, as after any first visit
      // The whole document (shell, heading, the page's skeleton) is served within the second...
      const t0 = performance.now();
      const html = await fetch(url).then((r) => r.text());
      const served = performance.now() - t0;
      expect(html).toContain('<h1');
      expect(html).toContain('aria-label="Main"');
      // ...and Chromium has received all of it within the second, by the page's own clock from the
      // start of navigation; the heading and the navigation are then on screen. (Its parse and first
      // paint are printed: on a 2-core machine shared with other builds they come later, with the
      // stylesheet, but they never wait for the cluster.)
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        return { response: nav.responseEnd, parsed: nav.domInteractive, fcp: fcp?.startTime ?? Number.NaN };
      });
      await page.close();
      console.log(
        `hung cluster: /${section} served in ${Math.round(served)} ms; in Chromium: document ${Math.round(timing.response)} ms, parsed ${Math.round(timing.parsed)} ms, first paint ${Math.round(timing.fcp)} ms`,
      );
      expect(served).toBeLessThan(1_000);
      expect(timing.response).toBeLessThan(1_000);
      expect(sockets.size).toBeGreaterThan(0); // the console did reach the silent "broker"
    });
  }
});
