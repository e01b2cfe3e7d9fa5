// OffsetFetch v8 asking every group for all it committed (topics null) is written by hand
// (lib/broker/handlers/offset-fetch-encode.ts); a request naming the same topics and partitions
// still goes through response objects and the schema codec. Both must be the same bytes: several
// groups, several topics, partitions committed out of order, metadata empty and not, non-ASCII
// group ids and metadata, negative and 64-bit offsets, and a group nobody knows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, encodeRequest } from '../../lib/broker/protocol';
import { RawClient, startTestBroker, type TestBroker } from './helpers';

let broker: TestBroker;
let port: number;

const commits: { group: string; topic: string; partition: number; offset: bigint; metadata: string }[] = [
  { group: 'orders-svc', topic: 'orders', partition: 2, offset: 17n, metadata: '' },
  { group: 'orders-svc', topic: 'orders', partition: 0, offset: 5n, metadata: 'host-a' },
  { group: 'orders-svc', topic: 'payments', partition: 1, offset: 9_223_372_036_854_775_000n, metadata: '' },
  { group: 'grüße', topic: 'dotted.topic_name-2', partition: 0, offset: -1n, metadata: 'ünï' },
  { group: 'grüße', topic: 'orders', partition: 1, offset: 0n, metadata: '' },
  { group: 'single', topic: 'payments', partition: 0, offset: 42n, metadata: 'x'.repeat(300) },
];
const groups = ['orders-svc', 'grüße', 'nobody-knows-me', 'single'];

beforeAll(async () => {
  broker = await startTestBroker({ nodes: 1 });
  port = broker.nodes[0]!.port;
  const client = await RawClient.connect(port);
  try {
    await client.call(ApiKey.CreateTopics, 2, {
      timeoutMs: 10_000,
      validateOnly: false,
      topics: ['orders', 'payments', 'dotted.topic_name-2'].map((name) => ({ name, numPartitions: 3, replicationFactor: 1, assignments: [], configs: [] })),
    });
    await client.call(ApiKey.FindCoordinator, 1, { key: 'orders-svc', keyType: 0 });
    for (const c of commits) {
      const res = await client.call<{ topics: { partitions: { errorCode: number }[] }[] }>(ApiKey.OffsetCommit, 2, {
        groupId: c.group,
        generationIdOrMemberEpoch: -1,
        memberId: '',
        retentionTimeMs: -1n,
        topics: [{ name: c.topic, partitions: [{ partitionIndex: c.partition, committedOffset: c.offset, committedMetadata: c.metadata }] }],
      });
      expect(res.topics[0]!.partitions[0]!.errorCode, `${c.group} ${c.topic}`).toBe(0);
    }
  } finally {
    client.close();
  }
});
afterAll(async () => {
  await broker?.close();
});

type Answer = { groups: { groupId: string; errorCode: number; topics: { name: string; partitions: { partitionIndex: number; committedOffset: bigint; metadata: string }[] }[] }[] };
type Asked = { groupId: string; topics: { name: string; partitionIndexes: number[] }[] | null }[];

/** The body bytes (after the correlation id) of one OffsetFetch v8 answer. */
async function offsetFetchBytes(asked: Asked): Promise<Buffer> {
  const client = await RawClient.connect(port);
  try {
    client.write(encodeRequest(ApiKey.OffsetFetch, 8, 7, 'offset-fetch-encode-test', { groups: asked, requireStable: false }));
    return (await client.next()).subarray(4);
  } finally {
    client.close();
  }
}

describe('OffsetFetch v8 for every committed offset, written by hand', () => {
  it('answers what was committed', async () => {
    const res = await RawClient.callOnce<Answer>(port, ApiKey.OffsetFetch, 8, { groups: groups.map((groupId) => ({ groupId, topics: null })), requireStable: false });
    const got = res.groups.flatMap((g) =>
      g.topics.flatMap((t) => t.partitions.map((p) => ({ group: g.groupId, topic: t.name, partition: p.partitionIndex, offset: p.committedOffset, metadata: p.metadata }))),
    );
    const key = (c: { group: string; topic: string; partition: number }) => `${c.group}/${c.topic}/${c.partition}`;
    expect(got.sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...commits].sort((a, b) => key(a).localeCompare(key(b))));
    expect(res.groups.map((g) => [g.groupId, g.errorCode, g.topics.length])).toEqual([
      ['orders-svc', 0, 2],
      ['grüße', 0, 2],
      ['nobody-knows-me', 0, 0],
      ['single', 0, 1],
    ]);
  });

  it('is byte for byte what the codec writes for the same topics and partitions', async () => {
    const all = await RawClient.callOnce<Answer>(port, ApiKey.OffsetFetch, 8, { groups: groups.map((groupId) => ({ groupId, topics: null })), requireStable: false });
    // The topics in the answer's order (the group's), their partitions in number order (as the
    // object path answers topics null).
    const named: Asked = all.groups.map((g) => ({
      groupId: g.groupId,
      topics: g.topics.map((t) => ({ name: t.name, partitionIndexes: t.partitions.map((p) => p.partitionIndex).sort((a, b) => a - b) })),
    }));
    const byHand = await offsetFetchBytes(groups.map((groupId) => ({ groupId, topics: null })));
    const byCodec = await offsetFetchBytes(named);
    expect(byHand.equals(byCodec)).toBe(true);
  });
});
