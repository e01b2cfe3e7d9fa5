// Time to data visible after navigation, on each main page (not a test): the production build
// serving the embedded demo (its own broker, seeded data and traffic, in a temporary data folder),
// driven by Chromium. Two ways of arriving at each page, each timed from the start of navigation
// until the page's data is on screen (wall time in the driver, so it includes Playwright's polling):
//   load:  the URL typed in (a full page load: server render with the prefetched data, scripts
//          from the browser's cache after the first visit);
//   click: a link in the app (client-side navigation: the page's server component streams the
//          prefetched data, or the browser fetches it).
// Each page is visited once untimed (warm API caches, as a user's earlier pages would leave them),
// then RUNS times; the median and the worst are printed. Target: data within 300 ms on every main
// page with the API warm, on a 2-core machine.
//
//   npm run bench:ui [-- --runs 5]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../e2e/support/chromium';
import { freePort } from '../e2e/support/app-process';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Math.max(1, Number(values.runs));
const TARGET_MS = 300;
const DEMO = '/clusters/demo';

interface Target {
  name: string;
  path: string;
  /** The sidebar link that leads there (for the click timing), if any. */
  link?: string;
  data: (page: Page) => Locator;
}

const table = (p: Page, name: string) => p.getByRole('table', { name, exact: true });
const TARGETS: Target[] = [
  { name: 'overview', path: DEMO, link: 'Overview', data: (p) => table(p, 'Brokers').getByRole('row').nth(1) },
  { name: 'topics', path: `${DEMO}/topics`, link: 'Topics', data: (p) => table(p, 'Topics').getByRole('link', { name: 'streams-intro' }) },
  { name: 'topic', path: `${DEMO}/topics/streams-intro`, data: (p) => table(p, 'Partitions').getByRole('row').nth(1) },
  { name: 'messages', path: `${DEMO}/topics/streams-intro/messages?from=earliest`, data: (p) => table(p, 'Messages').getByText('first message').first() },
  { name: 'groups', path: `${DEMO}/groups`, link: 'Consumer groups', data: (p) => table(p, 'Consumer groups').getByRole('link', { name: 'order-execution' }) },
  { name: 'group', path: `${DEMO}/groups/trading-strategy.abc`, data: (p) => p.getByTestId('total-lag') },
  { name: 'brokers', path: `${DEMO}/brokers`, link: 'Brokers', data: (p) => table(p, 'Brokers').getByRole('row').nth(1) },
  { name: 'broker', path: `${DEMO}/brokers/0`, data: (p) => p.getByRole('heading', { name: 'Broker 0' }) },
];

async function startDemo(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      SERVER_PORT: String(port),
      HOST: '127.0.0.1',
      KAFSCOPE_DATA_DIR: dataDir,
      KAFSCOPE_BROKER_PORT: String(await freePort()),
      KAFSCOPE_REGISTRY_PORT: String(await freePort()),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the console exited during start-up');
    if (Date.now() > deadline) throw new Error('the demo did not start');
    // Ready once the demo's seeded topics and groups are listed.
    const ok = await fetch(`${base}/api/clusters/demo/groups?q=trading-strategy.abc`)
      .then(async (r) => r.ok && ((await r.json()) as { total: number }).total > 0)
      .catch(() => false);
    if (ok) return { child, base };
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function timed(page: Page, go: () => Promise<unknown>, data: Locator): Promise<number> {
  const t0 = performance.now();
  await go();
  await data.waitFor({ state: 'visible', timeout: 30_000 });
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${Math.round(ms)}`.padStart(5);

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kafscope-bench-ui-'));
  let demo: { child: ChildProcess; base: string } | undefined;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
  try {
    demo = await startDemo(path.join(tmp, 'data'));
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    console.log(`time to data visible (ms), production build + demo, ${RUNS} runs per page; load average ${os.loadavg()[0]!.toFixed(2)} on ${os.availableParallelism()} cores`);
    console.log(`page        load median  worst   click median  worst`);
    const missed: string[] = [];
    for (const t of TARGETS) {
      const url = `${demo.base}${t.path}`;
      await page.goto(url);
      await t.data(page).waitFor({ state: 'visible', timeout: 30_000 });
      const loads: number[] = [];
      for (let i = 0; i < RUNS; i++) loads.push(await timed(page, () => page.goto(url, { waitUntil: 'commit' }), t.data(page)));
      const clicks: number[] = [];
      if (t.link) {
        for (let i = 0; i < RUNS; i++) {
          // From another section, so the click really navigates.
          await page.goto(`${demo.base}${t.name === 'brokers' ? `${DEMO}/topics` : `${DEMO}/brokers`}`);
          await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
          const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: t.link, exact: true });
          clicks.push(await timed(page, () => link.click(), t.data(page)));
        }
      }
      const load = median(loads);
      const click = clicks.length ? median(clicks) : NaN;
      if (load > TARGET_MS || click > TARGET_MS) missed.push(t.name);
      console.log(
        `${t.name.padEnd(12)}${fmt(load)}     ${fmt(Math.max(...loads))}   ${clicks.length ? `${fmt(click)}      ${fmt(Math.max(...clicks))}` : '    —          —'}`,
      );
    }
    console.log(missed.length ? `over ${TARGET_MS} ms (median): ${missed.join(', ')}` : `every page within ${TARGET_MS} ms (median)`);
  } finally {
    await browser.close();
    if (demo && demo.child.exitCode === null) {
      demo.child.kill('SIGTERM');
      await new Promise((r) => demo!.child.once('exit', r));
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
