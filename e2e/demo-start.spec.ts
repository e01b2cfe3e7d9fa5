// The newcomer's path: `npm start` with no Kafka configured brings up the console on top of its
// embedded 3-node demo cluster and its own schema registry, seeded once and kept busy by background
// traffic; the Avro `payments` topic reads as decoded fields with their schema version. The app is started
// here exactly as a user would (the start script), on free ports with a fresh data directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { GROUPS, TOPICS } from '../lib/demo/catalog';
import { freePort, startApp } from './support/app-process';
import { ClusterListSchema, GroupDetailSchema, GroupListSchema, TopicDetailSchema, TopicListSchema } from '../lib/schemas';
import { MessagePageSchema } from '../lib/schemas/message';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

async function startDemo(dataDir: string, appPort: number, brokerPort: number) {
  const app = await startApp(
    { KAFSCOPE_DATA_DIR: dataDir, KAFSCOPE_BROKER_PORT: String(brokerPort), KAFSCOPE_REGISTRY_PORT: String(brokerPort + 10), KAFKA_BROKERCONNECT: undefined, KAFSCOPE_EMBEDDED_BOOTSTRAP: undefined },
    { port: appPort, ready: (out) => /embedded Kafka broker \(3 nodes\) at \S+,/.test(out) },
  );
  const bootstrap = /embedded Kafka broker \(3 nodes\) at (\S+),/.exec(app.output())![1]!;
  // The demo is the app's one (default) cluster; its JSON API lives under its name.
  const clusters = ClusterListSchema.parse(await getJson(`${app.base}/api/clusters`));
  return Object.assign(app, { bootstrap, api: `${app.base}/api/clusters/${encodeURIComponent(clusters.default)}` });
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function eventually<T>(fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

test('npm start with no Kafka runs the seeded, live demo and keeps it across restarts', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kafscope-demo-'));
  const appPort = await freePort();
  const brokerPort = 20_000 + Math.floor(Math.random() * 20_000);
  let app = await startDemo(dataDir, appPort, brokerPort);
  try {
    const demoTopics: string[] = Object.values(TOPICS).map((t) => t.name).sort();
    await eventually(async () => {
      const list = TopicListSchema.parse(await getJson(`${app.api}/topics?pageSize=100`));
      expect(list.items.map((t) => t.name).filter((n) => demoTopics.includes(n)).sort()).toEqual(demoTopics);
      const groups = GroupListSchema.parse(await getJson(`${app.api}/groups?pageSize=100`));
      expect(groups.items.map((g) => g.groupId)).toEqual(expect.arrayContaining(Object.values(GROUPS)));
    }, 60_000);

    const lagOf = async () =>
      GroupDetailSchema.parse(await getJson(`${app.api}/groups/${GROUPS.slowStrategy}`)).totals.lag;
    const first = await lagOf();
    await expect.poll(lagOf, { timeout: 30_000, intervals: [2000] }).not.toBe(first);

    const kcat = spawnSync('kcat', ['-b', app.bootstrap, '-L', '-m', '5'], { encoding: 'utf8' });
    expect(kcat.status, kcat.stderr).toBe(0);
    expect(kcat.stdout).toMatch(/3 brokers:/);

    // The demo's own registry: payments decode as Avro, under schema versions 1 and 2.
    expect(app.output()).toMatch(/schema registry: http:\/\/127\.0\.0\.1:\d+/);
    const payments = await eventually(async () => {
      const p = MessagePageSchema.parse(await getJson(`${app.api}/topics/${TOPICS.payments.name}/messages?from=earliest&order=asc&limit=40`));
      expect(p.messages.length).toBeGreaterThanOrEqual(40);
      return p;
    }, 60_000);
    expect(payments.messages[0]!.value).toMatchObject({ encoding: 'avro', schema: { subject: 'payments-value', version: 1 } });
    expect(JSON.parse(payments.messages[0]!.value!.text!).paymentId).toBe('pay-00000');
    expect(new Set(payments.messages.map((m) => m.value!.schema!.version))).toEqual(new Set([1, 2]));

    await page.goto(`${app.base}/clusters/demo/topics/${TOPICS.payments.name}/messages?from=earliest&order=asc&partition=${payments.messages[0]!.partition}`);
    await page.getByRole('button', { name: /^Expand message/ }).first().click();
    const value = page.getByRole('region', { name: 'Value' });
    await expect(value.getByLabel('Decoded as')).toContainText('payments-value v1');
    await expect(value.getByRole('tabpanel')).toContainText('paymentId');
    await expect(value.getByRole('tabpanel')).toContainText('pay-0');

    const intro = TopicDetailSchema.parse(await getJson(`${app.api}/topics/${TOPICS.streamsIntro.name}`));
    expect(intro.totals.messages).toBe('5');

    await app.stop();
    app = await startDemo(dataDir, appPort, brokerPort);
    await eventually(async () => {
      const again = TopicDetailSchema.parse(await getJson(`${app.api}/topics/${TOPICS.streamsIntro.name}`));
      expect(again.totals.messages).toBe('5');
    }, 60_000);
    expect(app.output()).toContain('demo data already present, not seeding again');
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('an invalid switch value stops start-up with a message naming the variable', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, SERVER_PORT: String(await freePort()), READ_ONLY: 'maybe' };
  delete env.KAFKA_BROKERCONNECT;
  const res = spawnSync(process.execPath, ['scripts/start.mjs'], { env, encoding: 'utf8', timeout: 120_000 });
  expect(res.status).not.toBe(0);
  expect(`${res.stdout}${res.stderr}`).toMatch(/invalid configuration: READ_ONLY/);
});
