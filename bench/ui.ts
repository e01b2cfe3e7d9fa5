// Time to data visible after navigation, on each main page (not a test): the production build
// serving the embedded demo (its own broker, seeded data and traffic, in a temporary data folder),
// driven by Chromium. Two ways of arriving at each page, each timed from the start of navigation
// until the page's data is on screen (wall time in the driver, so it includes Playwright's polling):
//   load:  the URL typed in (a full page load: server render with the prefetched data, scripts
//          from the browser's cache after the first visit);
//   click: a link in the app (client-side navigation: the page's server component streams the
//          prefetched data, or the browser fetches it).
// Each page is visited once untimed (warm API caches, as a user's earlier pages would leave them),
// then RUNS times; the median and the worst are printed, and beside them the page's own clock
// (bench/ui-probe.ts): when the data entered the DOM, the first byte, first contentful paint and
// hydration for a load, and click-to-data for a click. Target: data within 300 ms on every main
// page with the API warm, on a 2-core machine. The first row is the browser's own floor: a static
// page of one table row, served by node:http and loaded the same way, so a page's figures can be
// read against what this Chromium (headless, software compositing) needs for any page at all.
//
//   npm run bench:ui [-- --runs 5] [--pages topics,groups] [--base http://127.0.0.1:9000 (a running demo)]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../e2e/support/chromium';
import { freePort } from '../e2e/support/app-process';
import { installProbe, readTimes, setProbe, type Probe } from './ui-probe';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, pages: { type: 'string' }, base: { type: 'string' } } });
const RUNS = Math.max(1, Number(values.runs));
const TARGET_MS = 300;
const DEMO = '/clusters/demo';

interface Target {
  name: string;
  path: string;
  /** The sidebar link that leads there (for the click timing), if any. */
  link?: string;
  data: (page: Page) => Locator;
  /** The same data as the page itself sees it in its DOM. */
  probe: Probe;
}

const table = (p: Page, name: string) => p.getByRole('table', { name, exact: true });
const row1 = (label: string): Probe => ({ selector: `table[aria-label="${label}"] tbody tr:not([aria-hidden])` });
const ALL: Target[] = [
  { name: 'overview', path: DEMO, link: 'Overview', data: (p) => table(p, 'Brokers').getByRole('row').nth(1), probe: row1('Brokers') },
  { name: 'topics', path: `${DEMO}/topics`, link: 'Topics', data: (p) => table(p, 'Topics').getByRole('link', { name: 'streams-intro' }), probe: { selector: 'table[aria-label="Topics"] a', text: 'streams-intro' } },
  { name: 'topic', path: `${DEMO}/topics/streams-intro`, data: (p) => table(p, 'Partitions').getByRole('row').nth(1), probe: row1('Partitions') },
  { name: 'messages', path: `${DEMO}/topics/streams-intro/messages?from=earliest`, data: (p) => table(p, 'Messages').getByText('first message').first(), probe: { selector: 'table[aria-label="Messages"] tbody', text: 'first message' } },
  { name: 'groups', path: `${DEMO}/groups`, link: 'Consumer groups', data: (p) => table(p, 'Consumer groups').getByRole('link', { name: 'order-execution' }), probe: { selector: 'table[aria-label="Consumer groups"] a', text: 'order-execution' } },
  { name: 'group', path: `${DEMO}/groups/trading-strategy.abc`, data: (p) => p.getByTestId('total-lag'), probe: { selector: '[data-testid="total-lag"]' } },
  { name: 'brokers', path: `${DEMO}/brokers`, link: 'Brokers', data: (p) => table(p, 'Brokers').getByRole('row').nth(1), probe: row1('Brokers') },
  { name: 'broker', path: `${DEMO}/brokers/0`, data: (p) => p.getByRole('heading', { name: 'Broker 0' }), probe: { selector: 'h1, h2', text: 'Broker 0' } },
];
const TARGETS = ALL.filter((t) => !values.pages || values.pages.split(',').includes(t.name));

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

const STATIC_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head><body><table aria-label="Static"><tbody><tr><td>static row</td></tr></tbody></table></body></html>';

/** The static page's loads, timed like a console page's (wall clock and the page's own). */
async function staticFloor(page: Page): Promise<{ loads: number[]; ttfb: number[]; data: (number | null)[]; frame: (number | null)[]; fcp: (number | null)[] }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STATIC_PAGE));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const row = page.getByRole('table', { name: 'Static' }).getByRole('row');
  const out = { loads: [] as number[], ttfb: [] as number[], data: [] as (number | null)[], frame: [] as (number | null)[], fcp: [] as (number | null)[] };
  try {
    await page.goto(url);
    await setProbe(page, { selector: 'table[aria-label="Static"] tr' });
    for (let i = 0; i < RUNS; i++) {
      out.loads.push(await timed(page, () => page.goto(url, { waitUntil: 'commit' }), row));
      // First contentful paint is reported when the frame is presented, after the load event here.
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5_000 });
      const times = await readTimes(page);
      out.ttfb.push(times.ttfb);
      out.data.push(times.data);
      out.frame.push(times.frame);
      out.fcp.push(times.fcp);
    }
  } finally {
    server.close();
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number | null | undefined) => (ms === null || ms === undefined || Number.isNaN(ms) ? '    —' : `${Math.round(ms)}`.padStart(5));
const med = (xs: (number | null)[]) => {
  const ok = xs.filter((x): x is number => x !== null);
  return ok.length ? median(ok) : null;
};

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kafscope-bench-ui-'));
  let demo: { child?: ChildProcess; base: string } | undefined;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
  try {
    demo = values.base ? { base: values.base } : await startDemo(path.join(tmp, 'data'));
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await installProbe(page);
    console.log(`time to data visible (ms), production build + demo, ${RUNS} runs per page; load average ${os.loadavg()[0]!.toFixed(2)} on ${os.availableParallelism()} cores`);
    console.log('wall: the driver\'s clock (includes Playwright\'s polling); in page: the page\'s own clock (data in the DOM)');
    console.log(`page        load median  worst | in page: ttfb   dom frame  fcp  hydrated | click median  worst | in page: dom frame`);
    const floor = await staticFloor(page);
    console.log(
      `${'static page'.padEnd(12)}${fmt(median(floor.loads))}     ${fmt(Math.max(...floor.loads))} |        ${fmt(median(floor.ttfb))} ${fmt(med(floor.data))} ${fmt(med(floor.frame))} ${fmt(med(floor.fcp))}        — |     —          — |             —     —`,
    );
    const missed: string[] = [];
    for (const t of TARGETS) {
      const url = `${demo.base}${t.path}`;
      await page.goto(url);
      await setProbe(page, t.probe);
      await t.data(page).waitFor({ state: 'visible', timeout: 30_000 });
      const loads: number[] = [];
      const inLoad: { data: (number | null)[]; frame: (number | null)[]; ttfb: number[]; fcp: (number | null)[]; hydrated: (number | null)[] } = { data: [], frame: [], ttfb: [], fcp: [], hydrated: [] };
      for (let i = 0; i < RUNS; i++) {
        loads.push(await timed(page, () => page.goto(url, { waitUntil: 'commit' }), t.data(page)));
        await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
        const times = await readTimes(page);
        inLoad.data.push(times.data);
        inLoad.frame.push(times.frame);
        inLoad.ttfb.push(times.ttfb);
        inLoad.fcp.push(times.fcp);
        inLoad.hydrated.push(times.hydrated);
      }
      const clicks: number[] = [];
      const inClick: (number | null)[] = [];
      const inClickFrame: (number | null)[] = [];
      if (t.link) {
        for (let i = 0; i < RUNS; i++) {
          // From another section without the same data (the brokers page shows the overview's broker
          // table), so the click really navigates and the data is new on screen.
          await page.goto(`${demo.base}${t.name === 'brokers' || t.name === 'overview' ? `${DEMO}/topics` : `${DEMO}/brokers`}`);
          await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
          await setProbe(page, t.probe);
          const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: t.link, exact: true });
          clicks.push(await timed(page, () => link.click(), t.data(page)));
          const times = await readTimes(page);
          inClick.push(times.data !== null && times.click !== null ? times.data - times.click : null);
          inClickFrame.push(times.frame !== null && times.click !== null ? times.frame - times.click : null);
        }
      }
      const load = median(loads);
      const click = clicks.length ? median(clicks) : NaN;
      if (load > TARGET_MS || click > TARGET_MS) missed.push(t.name);
      console.log(
        `${t.name.padEnd(12)}${fmt(load)}     ${fmt(Math.max(...loads))} |        ${fmt(median(inLoad.ttfb))} ${fmt(med(inLoad.data))} ${fmt(med(inLoad.frame))} ${fmt(med(inLoad.fcp))}    ${fmt(med(inLoad.hydrated))} | ${clicks.length ? `${fmt(click)}      ${fmt(Math.max(...clicks))} |         ${fmt(med(inClick))} ${fmt(med(inClickFrame))}` : '    —          — |             —     —'}`,
      );
    }
    console.log(missed.length ? `over ${TARGET_MS} ms (median, wall): ${missed.join(', ')}` : `every page within ${TARGET_MS} ms (median, wall)`);
    console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at the end`);
  } finally {
    await browser.close();
    const child = demo?.child;
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
