// The hand-read Metadata answer is what kafkajs' own decoder returns, in every version kafkajs
// negotiates: topics with errors, leaderless partitions, empty ISRs, offline replicas, a null rack
// and cluster id, a non-ASCII name, partitions out of order.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import Metadata from 'kafkajs/src/protocol/requests/metadata/index.js';
import { ApiKey, encodeResponse } from '../../broker/protocol';
import { decodeMetadata, leadersOf } from './metadata-response';

const body = (v: number) => ({
  throttleTimeMs: 3,
  brokers: [0, 1, 2].map((n) => ({ nodeId: n, host: `h${n}`, port: 9000 + n, rack: n === 1 ? 'r1' : null })),
  clusterId: v === 2 ? null : 'abc',
  controllerId: 1,
  topics: Array.from({ length: 60 }, (_, i) => ({
    errorCode: i === 7 ? 5 : 0,
    name: `tøpic-${i}`,
    isInternal: i === 3,
    partitions: Array.from({ length: i % 5 }, (_, p) => ({
      errorCode: p === 2 ? 5 : 0,
      partitionIndex: (p * 7) % 5,
      leaderId: p === 2 ? -1 : (i + p) % 3,
      leaderEpoch: 0,
      replicaNodes: [(i + p) % 3, (i + p + 1) % 3],
      isrNodes: p === 1 ? [] : [(i + p) % 3],
      offlineReplicas: p === 2 ? [1] : [],
    })),
  })),
});

describe('Metadata read by hand', () => {
  it.each([0, 1, 2, 3, 4, 5, 6])('v%i equals kafkajs decoding', async (v) => {
    const raw = encodeResponse(ApiKey.Metadata, v, 1, body(v)).subarray(8);
    const theirs = await (Metadata as { protocol(o: { version: number }): (a: object) => { response: { decode(b: Buffer): Promise<unknown> } } })
      .protocol({ version: v })({ topics: [] })
      .response.decode(raw);
    const ours = decodeMetadata(v, raw);
    const plain = {
      ...ours,
      // The topics as plain data: the fields kafkajs' topics have (is_internal from v1), the
      // partitions decoded.
      topicMetadata: ours.topicMetadata.map((t) => ({
        topicErrorCode: t.topicErrorCode,
        topic: t.topic,
        ...(v >= 1 && { isInternal: t.isInternal }),
        partitionMetadata: t.partitionMetadata,
      })),
    };
    expect(isDeepStrictEqual(theirs, plain)).toBe(true);
  });

  it.each([0, 1, 4, 5, 6])('v%i leaders read from the bytes equal the decoded partitions\'', (v) => {
    const raw = encodeResponse(ApiKey.Metadata, v, 1, body(v)).subarray(8);
    for (const t of decodeMetadata(v, raw).topicMetadata) {
      // By partition number, -1 where no partition has the number (ids here are out of order, with gaps).
      const expected = Array.from({ length: Math.max(0, ...t.partitionMetadata.map((p) => p.partitionId + 1)) }, () => -1);
      for (const p of t.partitionMetadata) expected[p.partitionId] = p.leader;
      expect([...leadersOf(t)], t.topic).toEqual(expected);
      expect([...leadersOf({ ...t, partitionMetadata: t.partitionMetadata, partitionBytes: undefined } as never)], t.topic).toEqual(expected);
    }
  });
});
