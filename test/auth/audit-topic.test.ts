// The audit trail produced to KAFSCOPE_AUDIT_TOPIC: entries of mutations reach the topic on their
// cluster (created on first use, one partition), read back with kcat, an independent client, and
// equal to the file's entries field by field, keyed by user; sign-ins stay in the file. A cluster
// that is down neither slows nor fails requests: its entries wait in a bounded queue, the overflow
// is counted (in GET /metrics too), and other clusters' entries go on. On a read-only cluster the
// topic is never created.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { hostname } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as createTopicRoute } from '../../app/api/clusters/[cluster]/topics/route';
import { DELETE as deleteTopicRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { POST as produceRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { POST as loginRoute } from '../../app/api/auth/login/route';
import { currentConsoleConfig } from '../../lib/config';
import { AUDIT_QUEUE_LIMIT, auditTopicStats, produceAuditEntry } from '../../lib/kafka/audit/audit-topic';
import { ensureAuditTopic } from '../../lib/kafka/audit/ensure-audit-topic';
import { createClusterClients } from '../../lib/kafka/connection/clients';
import { clusterConfig } from '../../lib/kafka/connection/registry';
import { metricsText } from '../../lib/kafka/history/metrics';
import type { AuditEntry } from '../../lib/schemas/audit';
import { call, createTopic, type Harness } from '../api/harness';
import { as, startAuthHarness } from './auth-harness';

let h: Harness;
const AUDIT_TOPIC = 'kafscope-audit';
const PASSWORD = 'correct horse battery';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

beforeAll(async () => {
  h = await startAuthHarness(
    {
      roles: { producer: { grants: [{ actions: ['topic:view', 'messages:produce', 'topic:create'] }] } },
      users: { pat: ['producer'], root: ['admin'] },
      env: { KAFSCOPE_AUDIT_TOPIC: AUDIT_TOPIC, KAFKA_CLUSTERS_1_NAME: 'down', KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: `127.0.0.1:${await closedPort()}` },
    },
    PASSWORD,
  );
  await createTopic(h, 'audited', 1);
}, 60_000);
afterAll(() => h?.close());

function fileEntries(): AuditEntry[] {
  const file = currentConsoleConfig().audit.file;
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEntry) : [];
}

interface KcatMessage {
  partition: number;
  offset: number;
  ts: number;
  key: string | null;
  payload: string | null;
  headers?: string[] | null;
}
async function kcat(topic: string): Promise<KcatMessage[]> {
  const { stdout } = await promisify(execFile)('kcat', ['-C', '-b', h.broker.bootstrap, '-t', topic, '-e', '-q', '-J'], { encoding: 'utf8', timeout: 20_000 });
  return stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as KcatMessage);
}

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('KAFSCOPE_AUDIT_TOPIC', () => {
  it("produces every entry about a cluster to the topic on that cluster, equal to the file's", async () => {
    const pat = await as('pat');
    expect((await call(createTopicRoute, '/api/clusters/test/topics', {}, { method: 'POST', body: { name: 'by-pat', partitions: 1, replicationFactor: 1 }, ...pat })).status).toBe(201);
    expect((await call(produceRoute, '/api/clusters/test/topics/audited/messages', { topic: 'audited' }, { method: 'POST', body: { key: 'k', value: 'v' }, ...pat })).status).toBe(201);
    expect((await call(createTopicRoute, '/api/clusters/test/topics', {}, { method: 'POST', body: { name: 'by-pat', partitions: 1, replicationFactor: 1 }, ...pat })).status).toBe(409);
    expect((await call(deleteTopicRoute, '/api/clusters/test/topics/audited', { topic: 'audited' }, { method: 'DELETE', ...pat })).status).toBe(403);
    expect((await call(deleteTopicRoute, '/api/clusters/test/topics/audited', { topic: 'audited' }, { method: 'DELETE' })).status).toBe(401);
    expect((await call(loginRoute, '/api/auth/login', {}, { method: 'POST', body: { user: 'pat', password: PASSWORD } })).status).toBe(200);

    const inFile = fileEntries();
    const aboutTest = inFile.filter((e) => e.cluster === 'test');
    expect(aboutTest.map((e) => [e.user, e.action, e.result.status])).toEqual([
      ['pat', 'topic:create', 201],
      ['pat', 'messages:produce', 201],
      ['pat', 'topic:create', 409],
      ['pat', 'topic:delete', 403],
      [null, 'topic:delete', 401],
    ]);
    expect(inFile.some((e) => e.action === 'login' && e.cluster === null)).toBe(true);

    await until('the trail to be produced', () => auditTopicStats('test', AUDIT_TOPIC).produced >= aboutTest.length);
    const read = await kcat(AUDIT_TOPIC);
    expect(read.map((m) => JSON.parse(m.payload!) as AuditEntry)).toEqual(aboutTest);
    expect(read.map((m) => m.key)).toEqual(aboutTest.map((e) => e.user ?? 'test'));
    expect(read.map((m) => m.ts)).toEqual(aboutTest.map((e) => Date.parse(e.time)));
    for (const m of read) expect(m.headers).toEqual(['content-type', 'application/json', 'kafscope-instance', hostname()]);
    // No sign-in: those are about no cluster.
    expect(read.some((m) => m.payload!.includes('"login"'))).toBe(false);

    // Created on first use, with one partition so the trail keeps one order.
    const admin = h.kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [AUDIT_TOPIC] });
      expect(topics[0]!.partitions).toHaveLength(1);
    } finally {
      await admin.disconnect();
    }
  });

  it('a cluster that is down neither slows nor fails requests; its queue is bounded and other clusters go on', async () => {
    const errors = vi.spyOn(console, 'error');
    const root = await as('root');
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      // Refused by validation before any Kafka request, so only the audit trail would touch the cluster.
      const res = await call(createTopicRoute, '/api/clusters/down/topics', { cluster: 'down' }, { method: 'POST', body: { name: '', partitions: 1 }, ...root });
      times.push(performance.now() - t0);
      expect(res.status).toBe(400);
    }
    expect(Math.max(...times)).toBeLessThan(250);
    expect(fileEntries().filter((e) => e.cluster === 'down')).toHaveLength(30);
    await until('the first failed attempt to be logged', () => errors.mock.calls.some((c) => String(c[0]).includes(`audit topic "${AUDIT_TOPIC}" on cluster "down": could not produce`)));
    expect(auditTopicStats('down', AUDIT_TOPIC)).toEqual({ queued: 30, produced: 0, dropped: 0 });
    errors.mockRestore();

    // Another cluster's entries are not held up behind it.
    const before = auditTopicStats('test', AUDIT_TOPIC).produced;
    expect((await call(produceRoute, '/api/clusters/test/topics/audited/messages', { topic: 'audited' }, { method: 'POST', body: { value: 'x' }, ...root })).status).toBe(201);
    await until('the other cluster to be produced', () => auditTopicStats('test', AUDIT_TOPIC).produced === before + 1, 5_000);

    // The queue holds at most AUDIT_QUEUE_LIMIT entries; the rest are counted as dropped, at once.
    const sample = fileEntries().find((e) => e.cluster === 'down')!;
    const t0 = performance.now();
    for (let i = 0; i < AUDIT_QUEUE_LIMIT; i++) produceAuditEntry(AUDIT_TOPIC, { ...sample, cluster: 'down' });
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(auditTopicStats('down', AUDIT_TOPIC)).toEqual({ queued: AUDIT_QUEUE_LIMIT, produced: 0, dropped: 30 });
    const metrics = [...metricsText()].join('');
    expect(metrics).toContain(`kafscope_audit_topic_dropped_total{cluster="down",topic="${AUDIT_TOPIC}"} 30\n`);
    expect(metrics).toContain(`kafscope_audit_topic_queued{cluster="down",topic="${AUDIT_TOPIC}"} ${AUDIT_QUEUE_LIMIT}\n`);
  });

  it('is never created on a read-only cluster', async () => {
    const test = clusterConfig('test');
    const readOnly = createClusterClients({ ...test, name: 'ro', switches: { ...test.switches, readOnly: true } }, h.broker.bootstrap.split(','), currentConsoleConfig());
    try {
      await expect(ensureAuditTopic(readOnly, 'audit-of-a-read-only-cluster')).rejects.toThrow(/read-only here, so Kafscope does not create it/);
      // It does produce to one that exists.
      await expect(ensureAuditTopic(readOnly, AUDIT_TOPIC)).resolves.toBeUndefined();
    } finally {
      await readOnly.close();
    }
    const admin = h.kafka.admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).not.toContain('audit-of-a-read-only-cluster');
    } finally {
      await admin.disconnect();
    }
  });
});
