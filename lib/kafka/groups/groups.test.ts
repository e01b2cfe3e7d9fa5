// Pure parts of consumer groups: assignment bytes decode tolerantly, and the reset plan's arithmetic.
import { describe, expect, it } from 'vitest';
import type { ResetOffsetsRequest } from '../../schemas/group';
import { decodeAssignment } from './assignment';
import { lagOf, planReset, type PartitionState } from './reset-plan';

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
  it('lag is log end - committed as Kafka\'s tool shows it: never clamped', () => {
    expect(lagOf(1n, 5n, 9n)).toBe(8n); // below the log start: the lost records count too
    expect(lagOf(29n, 0n, 9n)).toBe(-20n); // above the log end: negative, not 0
    expect(lagOf(9n, 0n, 9n)).toBe(0n);
    expect(lagOf(-1n, 0n, 9n)).toBeNull();
    expect(lagOf(null, 0n, 9n)).toBeNull();
  });
});
