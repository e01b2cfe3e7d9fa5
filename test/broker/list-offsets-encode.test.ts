// ListOffsets answers are written by hand (lib/broker/handlers/02-list-offsets.ts). In every version
// served, each answer must be exactly the bytes the schema codec writes for what it decodes to, and
// say what the logs hold: the log start and end of the partitions this node leads, the first record
// at or after a timestamp, and the errors for a partition led elsewhere, a partition or topic that
// does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, decodeResponse, encodeRequest, encodeResponse } from '../../lib/broker/protocol';
import { RawClient, kafkaFor, startTestBroker, type TestBroker } from './helpers';

let broker: TestBroker;
const TOPIC = 'offsets-by-hand';
const BASE_TS = 1_700_000_000_000;
/** Records per partition: partition p gets 3 + p records, the k-th stamped BASE_TS + 1000 k. */
const count = (p: number) => 3 + p;
let leaders: number[] = [];

beforeAll(async () => {
  broker = await startTestBroker({ nodes: 2 });
  const kafka = kafkaFor(broker);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 4, replicationFactor: 1 }] });
  const meta = await admin.fetchTopicMetadata({ topics: [TOPIC] });
  leaders = [...meta.topics[0]!.partitions].sort((a, b) => a.partitionId - b.partitionId).map((p) => p.leader);
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  for (let p = 0; p < 4; p++) {
    await producer.send({
      topic: TOPIC,
      messages: Array.from({ length: count(p) }, (_, k) => ({ partition: p, value: `v${k}`, timestamp: String(BASE_TS + 1000 * k) })),
    });
  }
  await producer.disconnect();
});
afterAll(async () => {
  await broker?.close();
});

type Answer = { topics: { name: string; partitions: { partitionIndex: number; errorCode: number; timestamp: bigint; offset: bigint }[] }[] };

async function listOffsets(node: number, version: number, topics: { name: string; partitions: { partitionIndex: number; timestamp: bigint }[] }[]): Promise<Answer> {
  const client = await RawClient.connect(broker.nodes[node]!.port);
  try {
    client.write(encodeRequest(ApiKey.ListOffsets, version, 7, 'list-offsets-encode-test', { replicaId: -1, isolationLevel: 0, topics }));
    const frame = await client.next();
    const { body } = decodeResponse<Answer>(ApiKey.ListOffsets, version, frame);
    expect(frame.equals(encodeResponse(ApiKey.ListOffsets, version, 7, body).subarray(4)), `ListOffsets v${version}: the codec's bytes`).toBe(true);
    return body;
  } finally {
    client.close();
  }
}

describe('ListOffsets written by hand', () => {
  it.each([1, 2, 3])('v%i: the codec\'s bytes, and what the logs hold', async (version) => {
    expect(new Set(leaders)).toEqual(new Set([0, 1]));
    const node = 0;
    const asked = (timestamp: bigint) => [0, 1, 2, 3, 9].map((partitionIndex) => ({ partitionIndex, timestamp }));
    for (const [timestamp, expected] of [
      [-2n, () => 0n],
      [-1n, (p: number) => BigInt(count(p))],
      [BigInt(BASE_TS + 1500), () => 2n],
    ] as const) {
      const res = await listOffsets(node, version, [
        { name: TOPIC, partitions: asked(timestamp) },
        { name: 'no-such-topic', partitions: [{ partitionIndex: 0, timestamp }] },
      ]);
      const [ours, missing] = res.topics;
      expect(ours!.name).toBe(TOPIC);
      ours!.partitions.forEach((a, i) => {
        const p = [0, 1, 2, 3, 9][i]!;
        expect(a.partitionIndex).toBe(p);
        if (p === 9) return expect([a.errorCode, a.offset]).toEqual([3, -1n]);
        if (leaders[p] !== node) return expect([a.errorCode, a.offset]).toEqual([6, -1n]);
        expect(a.errorCode).toBe(0);
        expect(a.offset, `partition ${p} at ${timestamp}`).toBe(expected(p));
        expect(a.timestamp).toBe(timestamp >= 0n ? BigInt(BASE_TS + 2000) : -1n);
      });
      expect([missing!.name, missing!.partitions[0]!.errorCode]).toEqual(['no-such-topic', 3]);
    }
  });
});
