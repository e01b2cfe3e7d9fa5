// Committed offsets in the coordinator: who may commit in which group state, what is stored (negative
// offsets as given, one record per partition), what fetch returns, and failures that keep nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../common/kafka-error-codes';
import { GroupCoordinator } from './coordinator';
import { decodeKey } from './records';
import { MemoryBackend, joinRequest } from './testing';
import type { CommitOffsetsInput } from './types';

vi.setConfig({ testTimeout: 5_000 });

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

function commit(groupId: string, offsets: Record<string, [number, bigint, (string | null)?][]>, who: Partial<CommitOffsetsInput> = {}) {
  return coordinator.commitOffsets({
    groupId,
    generationId: -1,
    memberId: '',
    ...who,
    topics: Object.entries(offsets).map(([name, parts]) => ({
      name,
      partitions: parts.map(([partitionIndex, committedOffset, committedMetadata]) => ({
        partitionIndex,
        committedOffset,
        committedLeaderEpoch: 4,
        committedMetadata: committedMetadata ?? null,
      })),
    })),
  });
}

const errorsOf = (r: ReturnType<typeof commit>) => r.topics.flatMap((t) => t.partitions.map((p) => p.errorCode));

/** A single-member Stable group, generation 1. */
async function stableMember(groupId = 'g') {
  const join = coordinator.joinGroup(joinRequest({ groupId }));
  await vi.advanceTimersByTimeAsync(10);
  const member = await join;
  await coordinator.syncGroup({ groupId, generationId: 1, memberId: member.memberId, assignments: [] });
  return member;
}

describe('committing and fetching offsets', () => {
  it('accepts an admin commit for an unknown group, creating it Empty without a protocol type', () => {
    const result = commit('tool', { orders: [[0, 10n, 'note'], [1, 20n]] });
    expect(errorsOf(result)).toEqual([0, 0]);
    expect(coordinator.listGroups()).toEqual([{ groupId: 'tool', protocolType: '', groupState: 'Empty' }]);
    const fetched = coordinator.fetchOffsets('tool', [{ name: 'orders', partitionIndexes: [0, 1, 2] }]);
    expect(fetched).toEqual({
      errorCode: 0,
      topics: [
        {
          name: 'orders',
          partitions: [
            { partitionIndex: 0, committedOffset: 10n, committedLeaderEpoch: 4, metadata: 'note', errorCode: 0 },
            { partitionIndex: 1, committedOffset: 20n, committedLeaderEpoch: 4, metadata: '', errorCode: 0 },
            { partitionIndex: 2, committedOffset: -1n, committedLeaderEpoch: -1, metadata: '', errorCode: 0 },
          ],
        },
      ],
    });
  });

  it('stores negative offsets exactly as committed (kafkajs resets commit -1 and -2)', () => {
    commit('g', { t: [[0, -1n], [1, -2n], [2, 9_007_199_254_740_993n]] });
    const parts = coordinator.fetchOffsets('g', [{ name: 't', partitionIndexes: [0, 1, 2] }]).topics[0]?.partitions;
    expect(parts?.map((p) => p.committedOffset)).toEqual([-1n, -2n, 9_007_199_254_740_993n]);
  });

  it('returns every committed offset when topics is null, and nothing for an unknown group', () => {
    commit('g', { b: [[1, 5n], [0, 4n]], a: [[0, 3n]] });
    const all = coordinator.fetchOffsets('g', null);
    expect(all.topics.map((t) => [t.name, t.partitions.map((p) => [p.partitionIndex, p.committedOffset])])).toEqual([
      ['b', [[0, 4n], [1, 5n]]],
      ['a', [[0, 3n]]],
    ]);
    expect(coordinator.fetchOffsets('unknown', null)).toEqual({ errorCode: 0, topics: [] });
    expect(coordinator.fetchOffsets('unknown', [{ name: 'a', partitionIndexes: [0] }]).topics[0]?.partitions[0]?.committedOffset).toBe(-1n);
  });

  it('writes one offset record per partition with the group for partitioning', () => {
    commit('g', { t: [[0, 1n], [3, 2n]] });
    expect(backend.records.map((r) => [r.groupId, decodeKey(r.key)])).toEqual([
      ['g', { kind: 'offset', group: 'g', topic: 't', partition: 0 }],
      ['g', { kind: 'offset', group: 'g', topic: 't', partition: 3 }],
    ]);
  });

  it('refuses metadata over 4096 characters per partition and keeps the rest', () => {
    const result = commit('g', { t: [[0, 1n, 'x'.repeat(4097)], [1, 2n, 'ok']] });
    expect(errorsOf(result)).toEqual([ErrorCode.OFFSET_METADATA_TOO_LARGE, 0]);
    expect(coordinator.fetchOffsets('g', [{ name: 't', partitionIndexes: [0] }]).topics[0]?.partitions[0]?.committedOffset).toBe(-1n);
  });

  it('answers COORDINATOR_NOT_AVAILABLE and keeps nothing when the log cannot be written', () => {
    backend.failing = true;
    expect(errorsOf(commit('g', { t: [[0, 1n]] }))).toEqual([ErrorCode.COORDINATOR_NOT_AVAILABLE]);
    expect(coordinator.listGroups()).toEqual([]);
  });
});

describe('who may commit', () => {
  it('refuses admin commits while the group has members', async () => {
    await stableMember();
    expect(errorsOf(commit('g', { t: [[0, 1n]] }))).toEqual([ErrorCode.UNKNOWN_MEMBER_ID]);
  });

  it('accepts the current member and generation, refuses strangers and old generations', async () => {
    const m = await stableMember();
    expect(errorsOf(commit('g', { t: [[0, 7n]] }, { memberId: m.memberId, generationId: 1 }))).toEqual([0]);
    expect(errorsOf(commit('g', { t: [[0, 8n]] }, { memberId: m.memberId, generationId: 0 }))).toEqual([ErrorCode.ILLEGAL_GENERATION]);
    expect(errorsOf(commit('g', { t: [[0, 9n]] }, { memberId: 'stranger', generationId: 1 }))).toEqual([ErrorCode.UNKNOWN_MEMBER_ID]);
    expect(coordinator.fetchOffsets('g', [{ name: 't', partitionIndexes: [0] }]).topics[0]?.partitions[0]?.committedOffset).toBe(7n);
  });

  it('refuses a generation for a group that does not exist', () => {
    expect(errorsOf(commit('nope', { t: [[0, 1n]] }, { memberId: 'm', generationId: 3 }))).toEqual([ErrorCode.ILLEGAL_GENERATION]);
    expect(errorsOf(commit('nope', { t: [[0, 1n]] }, { memberId: 'm' }))).toEqual([ErrorCode.UNKNOWN_MEMBER_ID]);
    expect(coordinator.listGroups()).toEqual([]);
  });

  it('answers REBALANCE_IN_PROGRESS between JoinGroup and SyncGroup', async () => {
    const join = coordinator.joinGroup(joinRequest());
    await vi.advanceTimersByTimeAsync(10);
    const m = await join;
    expect(coordinator.describeGroup('g').groupState).toBe('CompletingRebalance');
    expect(errorsOf(commit('g', { t: [[0, 1n]] }, { memberId: m.memberId, generationId: 1 }))).toEqual([ErrorCode.REBALANCE_IN_PROGRESS]);
  });
});

describe('describing, listing and deleting groups', () => {
  it('describes an unknown group as Dead with no error', () => {
    expect(coordinator.describeGroup('ghost')).toEqual({
      errorCode: 0,
      groupId: 'ghost',
      groupState: 'Dead',
      protocolType: '',
      protocolData: '',
      members: [],
    });
  });

  it('hides member metadata and assignment unless the group is Stable', async () => {
    const join = coordinator.joinGroup(joinRequest());
    await vi.advanceTimersByTimeAsync(10);
    const m = await join;
    const completing = coordinator.describeGroup('g');
    expect(completing).toMatchObject({ groupState: 'CompletingRebalance', protocolData: '' });
    expect(completing.members[0]?.memberMetadata.length).toBe(0);
    await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: m.memberId, assignments: [{ memberId: m.memberId, assignment: Buffer.from('a') }] });
    const stable = coordinator.describeGroup('g');
    expect(stable.members[0]?.memberMetadata.toString()).toBe('sub');
    expect(stable.members[0]?.memberAssignment.toString()).toBe('a');
    expect(stable.members[0]).toMatchObject({ clientId: 'client', clientHost: '/127.0.0.1', groupInstanceId: null });
  });

  it('deletes only Empty groups, with their offsets', async () => {
    await stableMember('busy');
    commit('idle', { t: [[0, 5n]] });
    const before = backend.records.length;
    expect(coordinator.deleteGroups(['busy', 'idle', 'ghost'])).toEqual([
      { groupId: 'busy', errorCode: ErrorCode.NON_EMPTY_GROUP },
      { groupId: 'idle', errorCode: 0 },
      { groupId: 'ghost', errorCode: ErrorCode.GROUP_ID_NOT_FOUND },
    ]);
    expect(coordinator.fetchOffsets('idle', null).topics).toEqual([]);
    expect(coordinator.listGroups().map((g) => g.groupId)).toEqual(['busy']);
    // An offsets-only group gets only its offset tombstones.
    expect(backend.records.slice(before).map((r) => [decodeKey(r.key), r.value])).toEqual([
      [{ kind: 'offset', group: 'idle', topic: 't', partition: 0 }, null],
    ]);
    expect(coordinator.deleteGroups(['idle'])).toEqual([{ groupId: 'idle', errorCode: ErrorCode.GROUP_ID_NOT_FOUND }]);
  });

  it('writes a group metadata tombstone when deleting a group that had generations', async () => {
    const m = await stableMember();
    coordinator.leaveGroup('g', [{ memberId: m.memberId, groupInstanceId: null }]);
    expect(coordinator.deleteGroups(['g'])).toEqual([{ groupId: 'g', errorCode: 0 }]);
    expect(backend.records.at(-1)).toMatchObject({ groupId: 'g', value: null });
    expect(decodeKey(backend.records.at(-1)!.key)).toEqual({ kind: 'group', group: 'g' });
    expect(coordinator.describeGroup('g').groupState).toBe('Dead');
  });

  it('drops a deleted topic’s offsets from every group, and offsets-only groups left with none', () => {
    commit('one', { gone: [[0, 1n]], kept: [[0, 2n]] });
    commit('two', { gone: [[0, 3n], [1, 4n]] });
    coordinator.deleteTopicOffsets('gone');
    expect(coordinator.fetchOffsets('one', null).topics.map((t) => t.name)).toEqual(['kept']);
    expect(coordinator.listGroups().map((g) => g.groupId)).toEqual(['one']);
    expect(backend.records.filter((r) => r.value === null)).toHaveLength(3);
  });
});
