// Safety switches as an operator meets them: with READ_ONLY every mutation is refused by the server
// (403) and its button is gone; a single switch turned off hides only its own action; the sidebar
// says what is off. Each case runs its own app (the start script) against the e2e broker, configured
// the single-cluster way (KAFKA_BROKERCONNECT); the name that cluster gets is read from the app.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ClusterListSchema, ProblemSchema } from '../lib/schemas';
import { clusterPath } from './support/clusters';
import { startApp, type AppProcess } from './support/app-process';
import { gotoHydrated } from './support/hydrated';
import { BOOTSTRAP, createTopic, uniqueName } from './support/kafka';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** The name of the app's (only, hence default) cluster. */
async function clusterOf(app: AppProcess): Promise<string> {
  return ClusterListSchema.parse(await (await fetch(`${app.base}/api/clusters`)).json()).default;
}

async function openTopic(browser: Browser, app: AppProcess, cluster: string, topic: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.base });
  const page = await context.newPage();
  await gotoHydrated(page, clusterPath(cluster, 'topics', topic));
  await expect(page.getByRole('table', { name: 'Partitions' })).toBeVisible();
  return page;
}

async function post(app: AppProcess, path: string, body: unknown, method = 'POST') {
  const res = await fetch(`${app.base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: app.base, 'sec-fetch-site': 'same-origin' },
    body: method === 'DELETE' ? undefined : JSON.stringify(body),
  });
  return { status: res.status, problem: ProblemSchema.safeParse(await res.json().catch(() => null)) };
}

test('READ_ONLY refuses every mutation with 403 and hides every action', async ({ browser }) => {
  const topic = uniqueName('readonly');
  await createTopic(topic, 2);
  const app = await startApp({ KAFKA_BROKERCONNECT: BOOTSTRAP, READ_ONLY: 'true' });
  try {
    const cluster = await clusterOf(app);
    const api = `/api/clusters/${cluster}/topics`;
    const create = await post(app, api, { name: uniqueName('nope'), partitions: 1, replicationFactor: 1 });
    expect(create.status).toBe(403);
    expect(create.problem.data?.detail ?? create.problem.data?.title).toMatch(/READ_ONLY|read-only/i);
    expect((await post(app, `${api}/${topic}/messages`, { value: 'x' })).status).toBe(403);
    expect((await post(app, `${api}/${topic}/partitions`, { count: 3 })).status).toBe(403);
    expect((await post(app, `${api}/${topic}`, null, 'DELETE')).status).toBe(403);

    const page = await openTopic(browser, app, cluster, topic);
    await expect(page.getByRole('button', { name: 'Browse messages' }).or(page.getByRole('link', { name: 'Browse messages' }))).toBeVisible();
    for (const name of ['Produce', 'Add partitions', 'Purge', 'Delete topic']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole('navigation', { name: 'Main' }).locator('..')).toContainText('Read-only');
    await gotoHydrated(page, clusterPath(cluster, 'topics'));
    await expect(page.getByRole('link', { name: 'New topic' })).toHaveCount(0);
  } finally {
    await app.stop();
  }
});

test('one switch off hides only its action; destructive actions are off by default on a real cluster', async ({ browser }) => {
  const topic = uniqueName('switches');
  await createTopic(topic, 1);
  const app = await startApp({
    KAFKA_BROKERCONNECT: BOOTSTRAP,
    MESSAGE_SEND_ENABLED: 'false',
    TOPIC_DELETE_ENABLED: undefined,
    RECORDS_DELETE_ENABLED: undefined,
    GROUP_DELETE_ENABLED: undefined,
  });
  try {
    const cluster = await clusterOf(app);
    const api = `/api/clusters/${cluster}/topics`;
    expect((await post(app, `${api}/${topic}/messages`, { value: 'x' })).status).toBe(403);
    expect((await post(app, `${api}/${topic}`, null, 'DELETE')).status).toBe(403);
    expect((await post(app, `${api}/${topic}/records/delete`, { all: true })).status).toBe(403);

    const page = await openTopic(browser, app, cluster, topic);
    await expect(page.getByRole('button', { name: 'Add partitions' })).toBeVisible();
    for (const name of ['Produce', 'Purge', 'Delete topic']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    const sidebar = page.getByRole('navigation', { name: 'Main' }).locator('..');
    await expect(sidebar).toContainText('produce messages');
    await expect(sidebar).toContainText('delete topics');
    await expect(sidebar).not.toContainText('create topics');
  } finally {
    await app.stop();
  }
});
