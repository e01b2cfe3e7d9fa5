// Metadata answers are written by hand (lib/broker/handlers/metadata-encode.ts). In every version
// served, for every topic and for named ones (unknown and illegal names among them), with a node
// down (leaderless partitions, short ISRs) and an internal topic, each answer must be exactly the
// bytes the schema codec writes for what it decodes to, name the same partitions, leaders and ISRs
// whether asked for all topics or by name, and lead and list in sync only live replicas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, decodeResponse, encodeRequest, encodeResponse } from '../../lib/broker/protocol';
import { RawClient, startTestBroker, type TestBroker } from './helpers';

let broker: TestBroker;

beforeAll(async () => {
  broker = await startTestBroker({ nodes: 3 });
  const client = await RawClient.connect(broker.nodes[0]!.port);
  try {
    await client.call(ApiKey.CreateTopics, 2, {
      timeoutMs: 10_000,
      validateOnly: false,
      topics: [
        { name: 'one', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] },
        { name: 'spread', numPartitions: 6, replicationFactor: 3, assignments: [], configs: [] },
        { name: 'two-of-three', numPartitions: 4, replicationFactor: 2, assignments: [], configs: [] },
        { name: '__internal_like', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] },
      ],
    });
    // Consumer offsets, an internal topic.
    await client.call(ApiKey.FindCoordinator, 1, { key: 'g', keyType: 0 });
  } finally {
    client.close();
  }
});
afterAll(async () => {
  await broker?.close();
});

type Topic = { errorCode: number; name: string; partitions: { partitionIndex: number; leaderId: number; replicaNodes: number[]; isrNodes: number[] }[] };

/** One Metadata answer: its frame (after the size) checked against the codec, and decoded. */
async function metadata(port: number, version: number, topics: { name: string }[] | null): Promise<{ brokers: { nodeId: number }[]; topics: Topic[] }> {
  const client = await RawClient.connect(port);
  try {
    client.write(encodeRequest(ApiKey.Metadata, version, 7, 'metadata-encode-test', { topics, allowAutoTopicCreation: false }));
    const frame = await client.next();
    const { body } = decodeResponse<{ brokers: { nodeId: number }[]; topics: Topic[] }>(ApiKey.Metadata, version, frame);
    const byCodec = encodeResponse(ApiKey.Metadata, version, 7, body).subarray(4);
    expect(frame.equals(byCodec), `Metadata v${version}, ${topics === null ? 'all topics' : 'named'}: the codec's bytes`).toBe(true);
    return body;
  } finally {
    client.close();
  }
}

async function compareAll(port: number, down: number[]) {
  for (const version of [0, 1, 2, 3, 4]) {
    const all = await metadata(port, version, version === 0 ? [] : null);
    expect(all.topics.length).toBeGreaterThanOrEqual(5);
    const live = new Set(all.brokers.map((b) => b.nodeId));
    for (const d of down) expect(live.has(d)).toBe(false);
    for (const t of all.topics) {
      for (const p of t.partitions) {
        const inSync = p.replicaNodes.filter((r) => live.has(r));
        expect(p.isrNodes).toEqual(inSync);
        expect(p.leaderId).toBe(inSync[0] ?? -1);
      }
    }
    // v0-3 create an unknown topic they name (as Kafka did); v4 asks not to.
    const unknown = `unknown-${down.length}-v${version}`;
    const asked = [...all.topics.map((t) => ({ name: t.name })), { name: unknown }, { name: 'not a legal name!' }];
    const named = await metadata(port, version, asked);
    expect(named.topics.slice(0, all.topics.length)).toEqual(all.topics);
    const [created, illegal] = named.topics.slice(all.topics.length);
    expect([created!.name, created!.errorCode, created!.partitions.length > 0]).toEqual(version < 4 ? [unknown, 0, true] : [unknown, 3, false]);
    expect([illegal!.name, illegal!.errorCode, illegal!.partitions.length]).toEqual(['not a legal name!', 17, 0]);
  }
}

describe('Metadata written by hand', () => {
  it('is byte for byte what the codec writes, for all topics and for named ones', async () => {
    await compareAll(broker.nodes[1]!.port, []);
  });

  it('and with a node down: leaderless partitions, shorter ISRs', async () => {
    await broker.stopNode(2);
    await compareAll(broker.nodes[0]!.port, [2]);
  });
});
