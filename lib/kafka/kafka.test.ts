import { describe, expect, it } from 'vitest';
import { decodeAssignment } from './groups/assignment';
import { decodeCursor, encodeCursor } from './reading/cursor';
import { mergeBackward, mergeForward } from './reading/merge';
import { lagOf, planReset, type PartitionState } from './groups/reset-plan';
import { TtlCache, mapBounded } from './connection/cache';
import { toClusterMeta } from './reading/metadata';
import type { ResetOffsetsRequest } from '../schemas/group';

describe('assignment bytes', () => {
  it('decodes version, topics, partitions and ignores user data', () => {
    const topic = Buffer.from('orders');
    const b = Buffer.alloc(2 + 4 + 2 + topic.length + 4 + 8 + 4);
    let at = b.writeInt16BE(1, 0);
    at = b.writeInt32BE(1, at);
    at = b.writeInt16BE(topic.length, at);
    at += topic.copy(b, at);
    at = b.writeInt32BE(2, at);
    at = b.writeInt32BE(5, at);
    at = b.writeInt32BE(2, at);
    b.writeInt32BE(-1, at); // null user data
    expect(decodeAssignment(b)).toEqual([{ topic: 'orders', partitions: [2, 5] }]);
  });
  it('garbage gives an empty assignment', () => {
    expect(decodeAssignment(Buffer.from([0, 0, 0, 0, 0, 9, 0]))).toEqual([]);
    expect(decodeAssignment(null)).toEqual([]);
  });
});

describe('cursors', () => {
  it('round-trip 64-bit offsets exactly', () => {
    const pos = new Map([[0, 2n ** 63n - 1n], [7, 9007199254740993n]]);
    expect(decodeCursor(encodeCursor({ dir: 'back', pos }))).toEqual({ dir: 'back', pos });
  });
  it('a tampered cursor is a 400 naming the field', () => {
    expect(() => decodeCursor('bm9wZQ')).toThrow(expect.objectContaining({ status: 400 }));
    const forged = Buffer.from(JSON.stringify({ v: 1, dir: 'fwd', pos: { 0: '-5' } })).toString('base64url');
    expect(() => decodeCursor(forged)).toThrow(expect.objectContaining({ status: 400 }));
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

describe('reset plan', () => {
  const states: PartitionState[] = [
    { topic: 't', partition: 0, current: 5n, low: 2n, high: 10n, atTimestamp: 7n },
    { topic: 't', partition: 1, current: null, low: 0n, high: 4n, atTimestamp: null },
  ];
  const plan = (req: ResetOffsetsRequest) => planReset(req, states).map((p) => [p.target, p.lagBefore, p.lagAfter]);
  it('earliest, latest, timestamp', () => {
    expect(plan({ mode: 'earliest' })).toEqual([[2n, 5n, 8n], [0n, null, 4n]]);
    expect(plan({ mode: 'latest' })).toEqual([[10n, 5n, 0n], [4n, null, 0n]]);
    expect(plan({ mode: 'timestamp', timestamp: 1 })).toEqual([[7n, 5n, 3n], [4n, null, 0n]]);
  });
  it('offset and shift are clamped to the watermarks', () => {
    expect(plan({ mode: 'offset', offset: '1' })).toEqual([[2n, 5n, 8n], [1n, null, 3n]]);
    expect(plan({ mode: 'offset', offset: '99999999999999999' }).map((x) => x[0])).toEqual([10n, 4n]);
    expect(plan({ mode: 'shift', shift: '-100' }).map((x) => x[0])).toEqual([2n, 0n]);
    expect(plan({ mode: 'shift', shift: '3' }).map((x) => x[0])).toEqual([8n, 3n]);
  });
  it('lag counts from the log start when the commit fell below it', () => {
    expect(lagOf(1n, 5n, 9n)).toBe(4n);
    expect(lagOf(-1n, 0n, 9n)).toBeNull();
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

describe('cache', () => {
  it('shares one in-flight load and does not keep failures', async () => {
    const c = new TtlCache<number>(10_000);
    let calls = 0;
    const load = async () => ++calls;
    expect(await Promise.all([c.get('k', load), c.get('k', load)])).toEqual([1, 1]);
    await expect(c.get('bad', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await c.get('bad', load)).toBe(2);
  });
  it('getMany loads only the missing keys, in one batch, and shares keys in flight', async () => {
    const c = new TtlCache<string>(10_000);
    const batches: string[][] = [];
    const load = async (missing: string[]) => {
      batches.push(missing);
      await new Promise((r) => setTimeout(r, 5));
      return new Map(missing.filter((k) => k !== 'absent').map((k) => [k, k.toUpperCase()]));
    };
    const [a, b] = await Promise.all([c.getMany(['x', 'y'], load), c.getMany(['y', 'z', 'absent'], load)]);
    expect(batches).toEqual([['x', 'y'], ['z', 'absent']]);
    expect([...a]).toEqual([['x', 'X'], ['y', 'Y']]);
    expect([...b]).toEqual([['y', 'Y'], ['z', 'Z']]);
    expect([...(await c.getMany(['z', 'x'], load))]).toEqual([['z', 'Z'], ['x', 'X']]);
    expect(batches.length).toBe(2);
    await expect(c.getMany(['fails'], () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect([...(await c.getMany(['fails'], load))]).toEqual([['fails', 'FAILS']]);
  });
  it('mapBounded never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([1, 2, 3, 4, 5, 6], 2, async (x) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return x * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12]);
    expect(peak).toBe(2);
  });
});
