// Pure parts of reading: cursors keep 64-bit offsets exactly, merging keeps each partition contiguous,
// and metadata with a broker down keeps leaderless partitions.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';
import { mergeBackward, mergeForward } from './merge';
import { toClusterMeta } from './metadata';

describe('cursors', () => {
  it('round-trip 64-bit offsets exactly', () => {
    const pos = new Map([[0, 2n ** 63n - 1n], [7, 9007199254740993n]]);
    expect(decodeCursor(encodeCursor({ dir: 'back', pos }))).toEqual({ dir: 'back', pos });
  });
  it('a tampered cursor is invalid input', () => {
    expect(() => decodeCursor('bm9wZQ')).toThrow(expect.objectContaining({ kind: 'invalid' }));
    const forged = Buffer.from(JSON.stringify({ v: 1, dir: 'fwd', pos: { 0: '-5' } })).toString('base64url');
    expect(() => decodeCursor(forged)).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });
});

describe('merging partitions by timestamp', () => {
  const r = (partition: number, offset: number, ts: number) => ({ partition, offset: BigInt(offset), ts });
  const a = [r(0, 0, 10), r(0, 1, 30), r(0, 2, 20)];
  const b = [r(1, 0, 15), r(1, 1, 40)];
  it('forwards takes contiguous prefixes, oldest head first', () => {
    expect(mergeForward([a, b], 4, (x) => x.ts).map((x) => `${x.partition}:${x.offset}`)).toEqual(['0:0', '1:0', '0:1', '0:2']);
  });
  it('backwards takes contiguous suffixes, newest tail first', () => {
    expect(mergeBackward([a, b], 3, (x) => x.ts).map((x) => `${x.partition}:${x.offset}`)).toEqual(['1:1', '0:2', '0:1']);
  });
});

describe('metadata with a broker down', () => {
  it('keeps leaderless partitions, and counts replicas on brokers not listed as offline', () => {
    const meta = toClusterMeta({
      clusterId: 'c',
      controllerId: 0,
      brokers: [{ nodeId: 1, host: 'b', port: 2 }, { nodeId: 0, host: 'a', port: 1 }],
      topicMetadata: [
        {
          topicErrorCode: 0,
          topic: 't',
          partitionMetadata: [
            { partitionErrorCode: 5, partitionId: 1, leader: -1, replicas: [2], isr: [] },
            { partitionErrorCode: 0, partitionId: 0, leader: 0, replicas: [0, 2], isr: [0] },
          ],
        },
        { topicErrorCode: 3, topic: 'gone', partitionMetadata: [] },
      ],
    });
    expect(meta.brokers.map((b) => b.id)).toEqual([0, 1]);
    expect([...meta.topics.keys()]).toEqual(['t']);
    expect(meta.topics.get('t')!.partitions).toEqual([
      { partition: 0, leader: 0, replicas: [0, 2], isr: [0], offline: [2] },
      { partition: 1, leader: -1, replicas: [2], isr: [], offline: [2] },
    ]);
  });
});
