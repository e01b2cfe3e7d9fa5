// A cluster that cannot be reached answers 503 with a problem body (never a hung request or a 500):
// nothing listens on the configured bootstrap address, or a broker accepts connections and never
// answers (the first connection's deadline, 4.5 s, turns that into a 503).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as cluster } from '../../app/api/clusters/[cluster]/overview/route';
import { GET as listTopics } from '../../app/api/clusters/[cluster]/topics/route';
import { GET as getMessages } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { loadAppConfig } from '../../lib/config';
import { configureClusters, resetClusters } from '../../lib/kafka/connection/registry';
import { ProblemSchema } from '../../lib/schemas/common';
import { call } from './harness';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const useCluster = async (bootstrap: string) => {
  await resetClusters();
  configureClusters(loadAppConfig({ KAFKA_BROKERCONNECT: bootstrap }));
};

beforeAll(async () => {
  process.env.KAFSCOPE_QUIET_KAFKA_LOGS = '1';
  await useCluster(`127.0.0.1:${await closedPort()}`);
});
afterAll(() => resetClusters());

describe('an unreachable cluster', () => {
  it.each([
    ['cluster', () => call(cluster, '/api/clusters/default/overview', { cluster: 'default' })],
    ['topics', () => call(listTopics, '/api/clusters/default/topics', { cluster: 'default' })],
    ['messages', () => call(getMessages, '/api/clusters/default/topics/orders/messages', { cluster: 'default', topic: 'orders' })],
  ])('%s answers 503 with a problem', async (_name, request) => {
    const res = await request();
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = ProblemSchema.parse(res.body);
    expect(problem.status).toBe(503);
    expect(JSON.stringify(problem)).not.toMatch(/at .*\.(js|ts):\d+/);
  }, 15_000);
});

describe('a broker that accepts connections and never answers', () => {
  let silent: net.Server;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    silent = net.createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    await useCluster(`127.0.0.1:${(silent.address() as net.AddressInfo).port}`);
  });
  afterAll(async () => {
    await resetClusters();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  });

  it('still gets a 503 instead of a hung request', async () => {
    const res = await call(cluster, '/api/clusters/default/overview', { cluster: 'default' });
    expect(res.status).toBe(503);
    expect(ProblemSchema.parse(res.body).status).toBe(503);
  }, 20_000);
});
