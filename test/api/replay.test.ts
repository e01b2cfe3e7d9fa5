// Replay against the embedded broker: from a DLQ topic back to the topics named in a header, the
// targets receive exactly the chosen records, keys and headers intact (read back with kcat, an
// independent client); the dry run says how many go where without producing; a filter or a range
// chooses records too; a read-only target or one whose produce switch is off is refused with 403.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as replayRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/replay/route';
import { loadAppConfig } from '../../lib/config';
import { configureClusters, resetClusters } from '../../lib/kafka/connection/registry';
import { ReplayEventSchema, ReplayPlanSchema, type ReplayEvent, type ReplayRequestInput } from '../../lib/schemas/streams';
import { TEST_CLUSTER, call, createTopic, startHarness, uniqueName, type Harness } from './harness';

let h: Harness;
const DLQ = uniqueName('orders-dlq');
const ORDERS = uniqueName('orders');
const PAYMENTS = uniqueName('payments');
const HEADER = 'x-original-topic';

beforeAll(async () => {
  h = await startHarness();
  // The same broker, also as a read-only cluster and as one whose produce switch is off.
  await resetClusters();
  configureClusters(
    loadAppConfig({
      KAFKA_CLUSTERS_0_NAME: TEST_CLUSTER,
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: h.broker.bootstrap,
      KAFKA_CLUSTERS_1_NAME: 'readonly',
      KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: h.broker.bootstrap,
      KAFKA_CLUSTERS_1_READONLY: 'true',
      KAFKA_CLUSTERS_2_NAME: 'nosend',
      KAFKA_CLUSTERS_2_BOOTSTRAPSERVERS: h.broker.bootstrap,
      KAFKA_CLUSTERS_2_MESSAGE_SEND_ENABLED: 'false',
      KAFSCOPE_PUBLIC_URL: 'http://console.test',
    }),
  );
  await createTopic(h, DLQ, 2);
  await createTopic(h, ORDERS, 3);
  await createTopic(h, PAYMENTS, 1);
  const messages = Array.from({ length: 40 }, (_, i) => ({
    partition: i % 2,
    key: i % 5 === 0 ? null : `k${i}`,
    value: `failed ${i}`,
    headers: i % 10 === 9 ? { reason: 'no origin' } : { [HEADER]: i % 3 === 0 ? PAYMENTS : ORDERS, reason: `boom ${i}`, trace: Buffer.from([0xca, 0xfe, i]) },
  }));
  await h.producer.send({ topic: DLQ, messages });
}, 60_000);
afterAll(() => h?.close());

interface KcatMessage {
  partition: number;
  offset: number;
  key: string | null;
  payload: string | null;
  headers?: string[] | null;
}
/** The topic as kcat reads it (-J: one JSON envelope per message); async, as the broker runs in
 * this process. */
async function kcat(topic: string): Promise<KcatMessage[]> {
  const { stdout } = await promisify(execFile)('kcat', ['-C', '-b', h.broker.bootstrap, '-t', topic, '-e', '-q', '-J'], { encoding: 'utf8', timeout: 20_000 });
  return stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as KcatMessage);
}

async function replay(body: ReplayRequestInput, cluster = TEST_CLUSTER) {
  const res = await call(replayRoute, '/api/clusters/test/topics/x/replay', { cluster, topic: DLQ }, { method: 'POST', body });
  if (res.status !== 200 || res.body) return { status: res.status, body: res.body, events: [] as ReplayEvent[] };
  const text = await res.response.text();
  return { status: 200, body: null, events: text.trim().split('\n').map((l) => ReplayEventSchema.parse(JSON.parse(l))) };
}

describe('replay', () => {
  // Chosen by partition and offset: some with the header, one without (skipped).
  const chosen = [
    { partition: 0, offset: '0' }, // i=0: PAYMENTS, null key
    { partition: 1, offset: '1' }, // i=3: PAYMENTS
    { partition: 0, offset: '2' }, // i=4: ORDERS
    { partition: 1, offset: '3' }, // i=7: ORDERS
    { partition: 1, offset: '4' }, // i=9: no header
    { partition: 0, offset: '7' }, // i=14: ORDERS
  ];
  const dlqBody: ReplayRequestInput = { select: { kind: 'records', records: chosen }, target: { dlqHeader: HEADER }, partitioning: 'key' };

  it('the dry run says how many records go where and produces nothing', async () => {
    const res = await replay({ ...dlqBody, dryRun: true });
    expect(res.status).toBe(200);
    const plan = ReplayPlanSchema.parse(res.body);
    expect(plan).toMatchObject({ cluster: TEST_CLUSTER, selected: 6, toProduce: 5 });
    expect(plan.skipped).toEqual([{ partition: 1, offset: '4', reason: `no header "${HEADER}" naming a topic` }]);
    expect(plan.destinations.reduce((n, d) => (d.topic === PAYMENTS ? n + d.records : n), 0)).toBe(2);
    expect(plan.destinations.reduce((n, d) => (d.topic === ORDERS ? n + d.records : n), 0)).toBe(3);
    expect(await kcat(ORDERS)).toHaveLength(0);
  });

  it('sends exactly the chosen records back to the topic named in the header, keys and headers intact', async () => {
    const res = await replay(dlqBody);
    expect(res.status).toBe(200);
    const done = res.events.at(-1)!;
    expect(done).toMatchObject({ type: 'done', produced: 5, skipped: 1 });
    const orders = await kcat(ORDERS);
    const payments = await kcat(PAYMENTS);
    expect(orders.map((m) => m.payload).sort()).toEqual(['failed 14', 'failed 4', 'failed 7']);
    expect(payments.map((m) => m.payload).sort()).toEqual(['failed 0', 'failed 3']);
    const byValue = new Map([...orders, ...payments].map((m) => [m.payload, m]));
    expect(byValue.get('failed 0')!.key).toBeNull();
    expect(byValue.get('failed 7')!.key).toBe('k7');
    const headers = (m: KcatMessage) => Object.fromEntries((m.headers ?? []).reduce<[string, string][]>((acc, x, i, all) => (i % 2 === 0 ? [...acc, [x, all[i + 1]!]] : acc), []));
    expect(headers(byValue.get('failed 7')!)).toMatchObject({ [HEADER]: ORDERS, reason: 'boom 7' });
    // kcat prints a binary header escaped; its bytes are compared through the DLQ's own copy.
    const original = (await kcat(DLQ)).find((m) => m.payload === 'failed 7')!;
    expect(headers(byValue.get('failed 7')!).trace).toBe(headers(original).trace);
  });

  it('a filter or a range chooses the records; partitions same or fixed; key and headers can be dropped', async () => {
    const target = uniqueName('redrive');
    await createTopic(h, target, 2);
    const byFilter = await replay({ select: { kind: 'filter', filter: 'headers["reason"] == "no origin"' }, target: { topic: target }, partitioning: 'same', keepHeaders: false });
    expect(byFilter.events.at(-1)).toMatchObject({ type: 'done', produced: 4 });
    const byRange = await replay({ select: { kind: 'range', partition: 0, fromOffset: '0', toOffset: '2' }, target: { topic: target }, partitioning: 'fixed', fixedPartition: 1, keepKey: false });
    expect(byRange.events.at(-1)).toMatchObject({ type: 'done', produced: 3, written: [{ topic: target, partition: 1, records: 3 }] });
    const got = await kcat(target);
    const filtered = got.filter((m) => ['failed 9', 'failed 19', 'failed 29', 'failed 39'].includes(m.payload!));
    expect(filtered).toHaveLength(4);
    for (const m of filtered) {
      expect(m.partition).toBe(1); // same as the source: i % 2 = 1
      expect(m.headers ?? []).toEqual([]);
    }
    const ranged = got.filter((m) => ['failed 0', 'failed 2', 'failed 4'].includes(m.payload!));
    expect(ranged.map((m) => [m.partition, m.key])).toEqual([[1, null], [1, null], [1, null]]);
  });

  it('is refused with 403 when the target cluster is read-only or its produce switch is off; a bad filter is 400', async () => {
    const ro = await replay({ ...dlqBody, target: { cluster: 'readonly', dlqHeader: HEADER } });
    expect(ro.status).toBe(403);
    expect(ro.body.detail).toMatch(/"readonly" is read-only/);
    const off = await replay({ ...dlqBody, dryRun: true, target: { cluster: 'nosend', dlqHeader: HEADER } });
    expect(off.status).toBe(403);
    expect(off.body.detail).toMatch(/MESSAGE_SEND_ENABLED/);
    // Reading from a read-only cluster and writing elsewhere is allowed.
    const fromRo = await replay({ ...dlqBody, dryRun: true, target: { cluster: TEST_CLUSTER, dlqHeader: HEADER } }, 'readonly');
    expect(fromRo.status).toBe(200);
    const bad = await replay({ select: { kind: 'filter', filter: 'headers["a"] ==' }, target: { topic: ORDERS } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'filter', position: { start: 15 } });
  });
});
