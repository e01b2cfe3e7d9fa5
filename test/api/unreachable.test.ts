// A cluster that cannot be reached answers 503 with a problem body (never a hung request or a 500):
// nothing listens on the configured bootstrap address, or a broker accepts connections and never
// answers (the first connection's deadline, 4.5 s, turns that into a 503).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as cluster } from '../../app/api/cluster/route';
import { GET as listTopics } from '../../app/api/topics/route';
import { GET as getMessages } from '../../app/api/topics/[topic]/messages/route';
import { closeAllClients } from '../../lib/kafka/connection/clients';
import { ProblemSchema } from '../../lib/schemas/common';
import { call } from './harness';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

beforeAll(async () => {
  for (const k of Object.keys(process.env)) if (/^(KAFKA_|KAFSCOPE_)/.test(k)) delete process.env[k];
  process.env.KAFKA_BROKERCONNECT = `127.0.0.1:${await closedPort()}`;
  process.env.KAFSCOPE_QUIET_KAFKA_LOGS = '1';
});
afterAll(() => closeAllClients());

describe('an unreachable cluster', () => {
  it.each([
    ['cluster', () => call(cluster, '/api/cluster')],
    ['topics', () => call(listTopics, '/api/topics')],
    ['messages', () => call(getMessages, '/api/topics/orders/messages', { topic: 'orders' })],
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
    await closeAllClients();
    silent = net.createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    process.env.KAFKA_BROKERCONNECT = `127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
  });
  afterAll(async () => {
    await closeAllClients();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  });

  it('still gets a 503 instead of a hung request', async () => {
    const res = await call(cluster, '/api/cluster');
    expect(res.status).toBe(503);
    expect(ProblemSchema.parse(res.body).status).toBe(503);
  }, 20_000);
});
