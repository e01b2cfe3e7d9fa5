// OffsetDelete in the coordinator: an Empty group loses any offsets (and disappears once it has none),
// a live consumer group only those of topics no member subscribes to, other live groups none; the
// deletions are tombstones in the offsets log, so a replay agrees.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../common/kafka-error-codes';
import { encodeConsumerSubscription } from '../protocol/consumer-protocol';
import { GroupCoordinator } from './coordinator';
import { MemoryBackend, joinRequest } from './testing';

let backend: MemoryBackend;
let coordinator: GroupCoordinator;

beforeEach(() => {
  vi.useFakeTimers();
  backend = new MemoryBackend();
  coordinator = new GroupCoordinator({ backend, initialRebalanceDelayMs: 10, minSessionTimeoutMs: 100, now: () => 1_000 });
});
afterEach(() => {
  coordinator.close();
  vi.useRealTimers();
});

function commit(groupId: string, offsets: Record<string, number[]>) {
  coordinator.commitOffsets({
    groupId,
    generationId: -1,
    memberId: '',
    topics: Object.entries(offsets).map(([name, parts]) => ({
      name,
      partitions: parts.map((p) => ({ partitionIndex: p, committedOffset: 10n, committedMetadata: null })),
    })),
  });
}

const offsetsOf = (groupId: string) =>
  coordinator.fetchOffsets(groupId, null).topics.map((t) => `${t.name}:${t.partitions.map((p) => p.partitionIndex).join(',')}`);

async function stableMember(groupId: string, protocolType: string, subscription: Buffer) {
  const join = coordinator.joinGroup(joinRequest({ groupId, protocolType, protocols: [{ name: 'range', metadata: subscription }] }));
  await vi.advanceTimersByTimeAsync(10);
  const member = await join;
  await coordinator.syncGroup({ groupId, generationId: member.generationId, memberId: member.memberId, assignments: [] });
}

describe('deleteOffsets', () => {
  it('removes an Empty group\'s offsets as tombstones, and the group once nothing is left', () => {
    commit('g', { a: [0, 1], b: [0] });
    const before = backend.records.length;
    const out = coordinator.deleteOffsets({ groupId: 'g', topics: [{ name: 'a', partitionIndexes: [0, 1, 5] }] });
    expect(out).toEqual({ errorCode: 0, topics: [{ name: 'a', partitions: [0, 1, 5].map((partitionIndex) => ({ partitionIndex, errorCode: 0 })) }] });
    expect(backend.records.slice(before).map((r) => r.value)).toEqual([null, null]);
    expect(offsetsOf('g')).toEqual(['b:0']);

    coordinator.deleteOffsets({ groupId: 'g', topics: [{ name: 'b', partitionIndexes: [0] }] });
    expect(coordinator.listGroups()).toEqual([]);
    const replayed = new GroupCoordinator({ backend: new MemoryBackend(), now: () => 1_000 });
    replayed.load(backend.records);
    expect(replayed.listGroups()).toEqual([]);
    replayed.close();
  });

  it('answers GROUP_ID_NOT_FOUND for an unknown group and leaves nothing written on a failed write', () => {
    expect(coordinator.deleteOffsets({ groupId: 'none', topics: [{ name: 'a', partitionIndexes: [0] }] })).toEqual({ errorCode: ErrorCode.GROUP_ID_NOT_FOUND, topics: [] });
    commit('g', { a: [0] });
    backend.failing = true;
    expect(coordinator.deleteOffsets({ groupId: 'g', topics: [{ name: 'a', partitionIndexes: [0] }] }).errorCode).toBe(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    backend.failing = false;
    expect(offsetsOf('g')).toEqual(['a:0']);
  });

  it('a live consumer group keeps the offsets of subscribed topics (GROUP_SUBSCRIBED_TO_TOPIC)', async () => {
    commit('c', { a: [0], b: [0] });
    await stableMember('c', 'consumer', encodeConsumerSubscription(0, { topics: ['a'], userData: null }));
    const out = coordinator.deleteOffsets({ groupId: 'c', topics: [{ name: 'a', partitionIndexes: [0] }, { name: 'b', partitionIndexes: [0] }] });
    expect(out.topics.map((t) => [t.name, t.partitions[0]!.errorCode])).toEqual([
      ['a', ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC],
      ['b', ErrorCode.NONE],
    ]);
    expect(offsetsOf('c')).toEqual(['a:0']);
  });

  it('a live consumer group whose subscriptions cannot be read keeps everything; other live groups are NON_EMPTY_GROUP', async () => {
    commit('c', { b: [0] });
    await stableMember('c', 'consumer', Buffer.from('not a subscription'));
    expect(coordinator.deleteOffsets({ groupId: 'c', topics: [{ name: 'b', partitionIndexes: [0] }] }).topics[0]!.partitions[0]!.errorCode).toBe(ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC);
    commit('x', { b: [0] });
    await stableMember('x', 'connect', Buffer.from('whatever'));
    expect(coordinator.deleteOffsets({ groupId: 'x', topics: [{ name: 'b', partitionIndexes: [0] }] })).toEqual({ errorCode: ErrorCode.NON_EMPTY_GROUP, topics: [] });
  });
});
