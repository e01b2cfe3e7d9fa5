// The all-topics Metadata answer is written by hand (lib/broker/handlers/metadata-encode.ts); a
// request naming the same topics still goes through response objects and the schema codec. Both
// must be the same bytes, in every version served, with a node down (leaderless partitions, short
// ISRs) and an internal topic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, encodeRequest } from '../../lib/broker/protocol';
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
        { name: 'naïve-ünïcode', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] },
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

/** The body bytes (after the correlation id) of one Metadata answer. */
async function metadataBytes(port: number, version: number, topics: { name: string }[] | null): Promise<Buffer> {
  const client = await RawClient.connect(port);
  try {
    client.write(encodeRequest(ApiKey.Metadata, version, 7, 'metadata-encode-test', { topics, allowAutoTopicCreation: false }));
    return (await client.next()).subarray(4);
  } finally {
    client.close();
  }
}

async function compareAll(port: number) {
  const names = (await RawClient.callOnce<{ topics: { name: string }[] }>(port, ApiKey.Metadata, 4, { topics: null, allowAutoTopicCreation: false })).topics.map((t) => ({
    name: t.name,
  }));
  expect(names.length).toBeGreaterThanOrEqual(5);
  for (const version of [0, 1, 2, 3, 4]) {
    const all = await metadataBytes(port, version, version === 0 ? [] : null);
    const named = await metadataBytes(port, version, names);
    expect(all.equals(named), `Metadata v${version}`).toBe(true);
  }
}

describe('all-topics Metadata written by hand', () => {
  it('is byte for byte what the codec writes for the same topics', async () => {
    await compareAll(broker.nodes[1]!.port);
  });

  it('and with a node down: leaderless partitions, shorter ISRs', async () => {
    await broker.stopNode(2);
    await compareAll(broker.nodes[0]!.port);
  });
});
