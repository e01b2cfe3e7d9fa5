// ACLs as an operator manages them: against a broker with its authorizer on and SASL users (admin, a
// super user the console connects as; alice, an application), bindings created through the ACL page's
// "producer of a topic" preset are seen by kafkajs' describeAcls and enforced for alice — her produce
// to another topic fails with TOPIC_AUTHORIZATION_FAILED in kafkajs and in kcat — and one deleted from
// the page stops being enforced. A cluster without an authorizer says ACLs are not enabled.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, ResourcePatternTypes, logLevel } from 'kafkajs';
import { ClusterListSchema } from '../lib/schemas';
import { startApp, freePort, type AppProcess } from './support/app-process';
import { clusterPath } from './support/clusters';
import { gotoHydrated } from './support/hydrated';
import { uniqueName } from './support/kafka';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const client = (bootstrap: string, user: 'admin' | 'alice') =>
  new Kafka({
    clientId: `e2e-${user}`,
    brokers: [bootstrap],
    sasl: { mechanism: 'plain', username: user, password: `${user}-secret` },
    logLevel: logLevel.NOTHING,
    retry: { retries: user === 'alice' ? 0 : 3 },
  });

async function listening(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing listens on ${port}`);
}

/** The Kafka error alice's produce ends with, or null when it is accepted. */
async function aliceProduces(bootstrap: string, topic: string): Promise<string | null> {
  const producer = client(bootstrap, 'alice').producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
  await producer.connect();
  try {
    await producer.send({ topic, messages: [{ value: 'from alice' }] });
    return null;
  } catch (e) {
    const err = e as { type?: string; cause?: { type?: string }; errors?: { type?: string }[] };
    return err.type ?? err.cause?.type ?? err.errors?.[0]?.type ?? 'UNKNOWN';
  } finally {
    await producer.disconnect();
  }
}

function kcatAliceProduces(bootstrap: string, topic: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const args = ['-b', bootstrap, '-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=PLAIN', '-X', 'sasl.username=alice', '-X', 'sasl.password=alice-secret', '-P', '-t', topic];
    const child = spawn('/usr/bin/kcat', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
    child.stdin.end('from-kcat\n');
  });
}

async function aliceWrites(bootstrap: string, topic: string): Promise<string[]> {
  const admin = client(bootstrap, 'admin').admin();
  await admin.connect();
  try {
    const found = await admin.describeAcls({
      resourceType: AclResourceTypes.TOPIC,
      resourceName: topic,
      resourcePatternType: ResourcePatternTypes.LITERAL,
      principal: 'User:alice',
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ALLOW,
    });
    const names = Object.fromEntries(Object.entries(AclOperationTypes).map(([k, v]) => [v, k]));
    return found.resources.flatMap((r) => r.acls.map((a) => names[a.operation]!)).sort();
  } finally {
    await admin.disconnect();
  }
}

test.describe('with an authorizer', () => {
  let broker: ChildProcess;
  let app: AppProcess;
  let bootstrap: string;
  let cluster: string;

  test.beforeAll(async () => {
    // Starting the app may build it first.
    test.setTimeout(300_000);
    const port = await freePort();
    bootstrap = `127.0.0.1:${port}`;
    broker = spawn(
      'npx',
      ['tsx', 'lib/broker/cli.ts', '--port', String(port), '--host', '127.0.0.1', '--nodes', '1', '--in-memory', '--sasl-users', 'admin:admin-secret,alice:alice-secret', '--authorizer', '--super-users', 'User:admin'],
      { stdio: 'ignore', detached: true },
    );
    await listening(port, Date.now() + 60_000);
    app = await startApp({
      KAFKA_BROKERCONNECT: bootstrap,
      KAFKA_SASL_MECHANISM: 'PLAIN',
      KAFKA_SASL_USERNAME: 'admin',
      KAFKA_SASL_PASSWORD: 'admin-secret',
      ACL_EDIT_ENABLED: 'true',
    }, { timeoutMs: 280_000 });
    cluster = ClusterListSchema.parse(await (await fetch(`${app.base}/api/clusters`)).json()).default;
  });
  test.afterAll(async () => {
    await app?.stop();
    if (broker?.pid) process.kill(-broker.pid, 'SIGTERM');
  });

  test('a producer preset created in the page is seen by kafkajs and enforced by the broker; deleting one binding revokes it', async ({ browser }) => {
    const allowed = uniqueName('acl-ok');
    const denied = uniqueName('acl-no');
    const admin = client(bootstrap, 'admin').admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: allowed }, { topic: denied }], waitForLeaders: true });
    await admin.disconnect();

    const page = await (await browser.newContext({ baseURL: app.base })).newPage();
    await gotoHydrated(page, clusterPath(cluster, 'acls'));
    await expect(page.getByText('The cluster has no ACLs yet.')).toBeVisible();

    await page.getByRole('button', { name: 'Create ACLs' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create ACLs' });
    await dialog.getByLabel('What to grant').selectOption('producer');
    await dialog.getByLabel('Principal').fill('User:alice');
    await dialog.getByLabel('Topic').fill(allowed);
    await expect(dialog.getByRole('list', { name: 'Bindings to create' }).getByRole('listitem')).toHaveText([
      `ALLOW User:alice from * to WRITE TOPIC ${allowed}`,
      `ALLOW User:alice from * to DESCRIBE TOPIC ${allowed}`,
      `ALLOW User:alice from * to CREATE TOPIC ${allowed}`,
    ]);
    await dialog.getByRole('button', { name: 'Create 3 bindings' }).click();
    await expect(dialog).toBeHidden();
    const table = page.getByRole('table', { name: 'ACL bindings' });
    await expect(table.getByRole('row')).toHaveCount(4);

    // Seen by an independent client, and enforced.
    expect(await aliceWrites(bootstrap, allowed)).toEqual(['CREATE', 'DESCRIBE', 'WRITE']);
    expect(await aliceProduces(bootstrap, allowed)).toBeNull();
    expect(await aliceProduces(bootstrap, denied)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect((await kcatAliceProduces(bootstrap, allowed)).code).toBe(0);
    const kcatDenied = await kcatAliceProduces(bootstrap, denied);
    expect(kcatDenied.code).not.toBe(0);
    expect(kcatDenied.output).toMatch(/Topic authorization failed/i);

    // The operation filter lives in the URL and narrows the table.
    await page.getByLabel('Operation').selectOption('WRITE');
    await expect(page).toHaveURL(/operation=WRITE/);
    await expect(table.getByRole('row')).toHaveCount(2);

    // Delete the WRITE binding from the page.
    await table.getByRole('button', { name: `Delete ALLOW User:alice from * to WRITE TOPIC ${allowed}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete ACL binding' });
    await expect(confirm).toContainText(`WRITE TOPIC ${allowed}`);
    await confirm.getByRole('button', { name: 'Delete binding' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('No ACL bindings match')).toBeVisible();
    expect(await aliceWrites(bootstrap, allowed)).toEqual(['CREATE', 'DESCRIBE']);
    expect(await aliceProduces(bootstrap, allowed)).toBe('TOPIC_AUTHORIZATION_FAILED');
  });
});

test('a cluster without an authorizer says ACLs are not enabled, and offers no create', async ({ page }) => {
  await gotoHydrated(page, clusterPath('primary', 'acls'));
  await expect(page.getByText('ACLs are not enabled on this cluster')).toBeVisible();
  await expect(page.getByText(/No Authorizer is configured/i)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create ACLs' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'ACLs' })).toHaveAttribute('aria-current', 'page');
});
