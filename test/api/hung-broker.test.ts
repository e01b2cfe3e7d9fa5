// One broker of a cluster accepts connections and never answers (a hung JVM, a full disk, a network
// that drops replies): the group pages still answer within the request timeout (504), where they
// used to wait 20-40 s for each request to that broker to time out in turn and be retried.
//
// The hung node: node 1 of a 2-node embedded broker is stopped and a server that accepts and stays
// silent takes its port, while the cluster keeps announcing node 1 as up. Groups coordinated by
// node 1 hang on their describe and offsets; groups coordinated by node 0 hang on the watermarks
// of the partitions node 1 leads.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getGroup } from '../../app/api/clusters/[cluster]/groups/[group]/route';
import { GET as listGroups } from '../../app/api/clusters/[cluster]/groups/route';
import { cachesExpired, call, commitOffsets, coordinatorOf, createTopic, startHarness, type Harness } from './harness';

const REQUEST_TIMEOUT_MS = 3_000;
/** Time to send the answer once the deadline fires. */
const SLACK_MS = 500;

let h: Harness;
let silent: net.Server;
const sockets = new Set<net.Socket>();
/** A group coordinated by each node. */
const groupOn: Record<number, string> = {};

beforeAll(async () => {
  h = await startHarness({ nodes: 2, env: { KAFKA_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) } });
  await createTopic(h, 'hung-topic', 4);
  for (let p = 0; p < 4; p++) await h.producer.send({ topic: 'hung-topic', messages: [{ partition: p, value: 'v' }] });
  for (let i = 0; (groupOn[0] === undefined || groupOn[1] === undefined) && i < 100; i++) {
    const groupId = `hung-group-${i}`;
    await commitOffsets(h, groupId, 'hung-topic', { 0: '1', 1: '1', 2: '1', 3: '1' });
    groupOn[await coordinatorOf(h, groupId)] ??= groupId;
  }
  // Healthy first: both pages answer, and the console has its connections and metadata.
  for (const groupId of Object.values(groupOn)) expect((await call(getGroup, '/api/clusters/[cluster]/groups/[group]', { group: groupId })).status).toBe(200);

  const port = h.broker.nodes[1]!.port;
  await h.broker.stopNode(1);
  silent = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => silent.listen(port, '127.0.0.1', () => r()));
  h.broker.cluster.setNodeUp(1, true);
  await cachesExpired();
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => (silent ? silent.close(() => r()) : r()));
  await h?.close();
}, 60_000);

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t0 = Date.now();
  const result = await work();
  return { result, ms: Date.now() - t0 };
}

describe('a broker that accepts and never answers', () => {
  it.each([
    ['coordinated by the hung node', 1],
    ['coordinated elsewhere, its partitions led by the hung node', 0],
  ])('the page of a group %s answers within the request timeout', async (_what, node) => {
    const { result, ms } = await timed(() => call(getGroup, '/api/clusters/[cluster]/groups/[group]', { group: groupOn[node]! }));
    expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
    expect([503, 504]).toContain(result.status);
    expect(result.headers.get('content-type')).toBe('application/problem+json');
  }, 30_000);
  it('the group list answers within the request timeout', async () => {
    const { result, ms } = await timed(() => call(listGroups, '/api/clusters/[cluster]/groups'));
    expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
    expect([200, 503, 504]).toContain(result.status);
  }, 30_000);
});
