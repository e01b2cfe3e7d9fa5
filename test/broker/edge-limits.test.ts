// The broker's edge over real TCP: connections.max.idle.ms closes a silent connection but neither a
// busy one nor one waiting on a long-poll Fetch; socket.request.max.bytes keeps Kafka's default; a
// frame over sasl.server.max.receive.size before SASL authentication closes the connection while an
// authenticated client may send more; the memory all unfinished frames may hold together is capped,
// and the connection that would go past it is closed with a log line naming it.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKey, encodeRequest, type ApiVersionsResponse } from '../../lib/broker/protocol';
import { kafkaFor, RawClient, startTestBroker, type TestBroker } from './helpers';

const brokers: TestBroker[] = [];
afterEach(async () => {
  for (const b of brokers.splice(0)) await b.close();
});

async function broker(options: Parameters<typeof startTestBroker>[0]): Promise<{ b: TestBroker; port: number }> {
  const b = await startTestBroker(options);
  brokers.push(b);
  return { b, port: b.nodes[0]!.port };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const apiVersions = (c: RawClient) => c.call<ApiVersionsResponse>(ApiKey.ApiVersions, 0, {});

/** A size prefix announcing `size` bytes, followed by `sent` bytes of that frame. */
function partialFrame(size: number, sent: number): Buffer {
  const b = Buffer.alloc(4 + sent, 0x2a);
  b.writeInt32BE(size, 0);
  return b;
}

function isOpen(c: RawClient): Promise<boolean> {
  return Promise.race([c.closed.then(() => false), sleep(20).then(() => true)]);
}

describe('idle connections (connections.max.idle.ms)', () => {
  it('closes a connection that sends nothing, keeps one that keeps asking', async () => {
    const { b, port } = await broker({ connectionsMaxIdleMs: 300 });
    const silent = await RawClient.connect(port);
    const busy = await RawClient.connect(port);
    await apiVersions(silent);
    const started = Date.now();
    while (Date.now() - started < 1200) {
      expect((await apiVersions(busy)).errorCode).toBe(0);
      await sleep(100);
    }
    await silent.closed; // long gone
    expect(await isOpen(busy)).toBe(true);
    expect(b.logs.some((l) => /closed: idle for \d+ ms \(connections.max.idle.ms 300\)/.test(l))).toBe(true);
    const t0 = Date.now();
    await busy.closed;
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('does not count a connection waiting on a long-poll Fetch as idle', async () => {
    const { b, port } = await broker({ connectionsMaxIdleMs: 300 });
    b.cluster.createTopic({ name: 'quiet', numPartitions: 1, replicationFactor: 1 });
    const client = await RawClient.connect(port);
    const started = Date.now();
    client.write(
      encodeRequest(ApiKey.Fetch, 11, 99, 'idle-test', {
        replicaId: -1,
        maxWaitMs: 1200,
        minBytes: 1,
        maxBytes: 1 << 20,
        isolationLevel: 0,
        sessionId: 0,
        sessionEpoch: -1,
        topics: [{ topic: 'quiet', partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 0n, logStartOffset: -1n, partitionMaxBytes: 1 << 20 }] }],
        forgottenTopicsData: [],
        rackId: '',
      }),
    );
    await client.next(3000); // the long poll's answer, on a connection still open
    expect(Date.now() - started).toBeGreaterThanOrEqual(1100);
    await client.closed; // and idle after it
  });

  it('closes nothing when the timeout is -1', async () => {
    const { port } = await broker({ connectionsMaxIdleMs: -1 });
    const client = await RawClient.connect(port);
    await sleep(400);
    expect((await apiVersions(client)).errorCode).toBe(0);
    client.close();
  });
});

describe('frame limits', () => {
  it("keeps Kafka's socket.request.max.bytes default of 104857600", async () => {
    const { b, port } = await broker({});
    const ok = await RawClient.connect(port);
    ok.write(partialFrame(104857600, 10));
    const over = await RawClient.connect(port);
    over.write(partialFrame(104857601, 10));
    await over.closed;
    expect(await isOpen(ok)).toBe(true);
    expect(b.logs.some((l) => l.includes('frame size 104857601 outside 0..104857600 (socket.request.max.bytes)'))).toBe(true);
    ok.close();
  });

  it('caps frames before SASL authentication at sasl.server.max.receive.size, not after', async () => {
    const { b, port } = await broker({ settings: { saslUsers: 'alice:secret' } });
    const client = await RawClient.connect(port);
    client.write(partialFrame(524289, 100));
    await client.closed;
    expect(b.logs.some((l) => l.includes('frame size 524289 outside 0..524288 (sasl.server.max.receive.size before SASL authentication)'))).toBe(true);

    const kafka = kafkaFor(b, { sasl: { mechanism: 'plain', username: 'alice', password: 'secret' } });
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({ topic: 'big-after-auth', messages: [{ value: Buffer.alloc(700_000, 1) }] });
    expect(sent!.errorCode).toBe(0);
    await producer.disconnect();
  });

  it('closes the connection whose unfinished frame would go past the shared budget, naming it', async () => {
    const { b, port } = await broker({ maxBufferedBytes: 4 * 1024 * 1024 });
    const a = await RawClient.connect(port);
    a.write(partialFrame(10 * 1024 * 1024, 3 * 1024 * 1024));
    await sleep(200);
    const c = await RawClient.connect(port);
    const peer = `127.0.0.1:${c.socket.localPort}`;
    c.write(partialFrame(10 * 1024 * 1024, 2 * 1024 * 1024));
    await c.closed;
    const line = b.logs.find((l) => l.includes('unfinished frames would hold more than 4194304 bytes'));
    expect(line).toContain(`connection ${peer} (node 0) closed`);
    expect(await isOpen(a)).toBe(true);
    // Others are still served, and closing the first connection gives its share back.
    const healthy = await RawClient.connect(port);
    expect((await apiVersions(healthy)).errorCode).toBe(0);
    a.close();
    await sleep(100);
    const d = await RawClient.connect(port);
    d.write(partialFrame(10 * 1024 * 1024, 3 * 1024 * 1024));
    await sleep(200);
    expect(await isOpen(d)).toBe(true);
    d.close();
    healthy.close();
  });
});
