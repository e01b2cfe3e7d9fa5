// The coordinator's state survives a restart because it is only ever rebuilt from its own
// __consumer_offsets records: offsets and groups come back, members of a reloaded group carry on (or
// are expelled when silent), and replay keeps the last record per key and honours tombstones.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../common/kafka-error-codes';
import { GroupCoordinator } from './coordinator';
import { encodeGroupMetadataKey, encodeOffsetCommitKey } from './records';
import { MemoryBackend, joinRequest } from './testing';

// What one coordinator appends to its backend must rebuild the same groups and offsets in another.
vi.setConfig({ testTimeout: 5_000 });

const open: GroupCoordinator[] = [];
function coordinatorOn(backend: MemoryBackend): GroupCoordinator {
  const c = new GroupCoordinator({ backend, initialRebalanceDelayMs: 10, minSessionTimeoutMs: 100 });
  open.push(c);
  return c;
}

afterEach(() => {
  for (const c of open.splice(0)) c.close();
  vi.useRealTimers();
});

async function populate(c: GroupCoordinator) {
  // A Stable consumer group with two members and committed offsets.
  const joins = [
    c.joinGroup(joinRequest({ groupId: 'live', clientId: 'a', sessionTimeoutMs: 10_000 })),
    c.joinGroup(joinRequest({ groupId: 'live', clientId: 'b', sessionTimeoutMs: 10_000, groupInstanceId: 'pod-b' })),
  ];
  await vi.advanceTimersByTimeAsync(20);
  const [a, b] = await Promise.all(joins);
  await Promise.all([
    c.syncGroup({ groupId: 'live', generationId: 1, memberId: b!.memberId, groupInstanceId: 'pod-b', assignments: [] }),
    c.syncGroup({
      groupId: 'live',
      generationId: 1,
      memberId: a!.memberId,
      assignments: [
        { memberId: a!.memberId, assignment: Buffer.from('p0') },
        { memberId: b!.memberId, assignment: Buffer.from('p1') },
      ],
    }),
  ]);
  const member = { groupId: 'live', generationId: 1, memberId: a!.memberId };
  c.commitOffsets({ ...member, topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 42n, committedLeaderEpoch: 3, committedMetadata: 'm' }] }] });
  c.commitOffsets({ ...member, topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 43n, committedMetadata: null }] }] });

  // A consumer group whose only member left: Empty, but still a "consumer" group.
  const joinC = c.joinGroup(joinRequest({ groupId: 'idle', clientId: 'c' }));
  await vi.advanceTimersByTimeAsync(10);
  const m = await joinC;
  await c.syncGroup({ groupId: 'idle', generationId: 1, memberId: m.memberId, assignments: [] });
  c.commitOffsets({ groupId: 'idle', generationId: 1, memberId: m.memberId, topics: [{ name: 't', partitions: [{ partitionIndex: 1, committedOffset: -1n, committedMetadata: null }] }] });
  c.leaveGroup('idle', [{ memberId: m.memberId, groupInstanceId: null }]);

  // An offsets-only group, and one that is deleted again, and a deleted topic.
  c.commitOffsets({ groupId: 'tool', generationId: -1, memberId: '', topics: [{ name: 'u', partitions: [{ partitionIndex: 2, committedOffset: -2n, committedMetadata: null }] }] });
  c.commitOffsets({ groupId: 'doomed', generationId: -1, memberId: '', topics: [{ name: 'u', partitions: [{ partitionIndex: 0, committedOffset: 1n, committedMetadata: null }] }] });
  c.deleteGroups(['doomed']);
  c.commitOffsets({ groupId: 'tool', generationId: -1, memberId: '', topics: [{ name: 'gone', partitions: [{ partitionIndex: 0, committedOffset: 5n, committedMetadata: null }] }] });
  c.deleteTopicOffsets('gone');
}

describe('replaying __consumer_offsets', () => {
  it('gives a new coordinator the same offsets and groups', async () => {
    vi.useFakeTimers();
    const backend = new MemoryBackend();
    const first = coordinatorOn(backend);
    await populate(first);

    const second = coordinatorOn(new MemoryBackend());
    second.load(backend.records);

    const sorted = (c: GroupCoordinator) => c.listGroups().sort((x, y) => x.groupId.localeCompare(y.groupId));
    expect(sorted(second)).toEqual(sorted(first));
    expect(sorted(second)).toEqual([
      { groupId: 'idle', protocolType: 'consumer', groupState: 'Empty' },
      { groupId: 'live', protocolType: 'consumer', groupState: 'Stable' },
      { groupId: 'tool', protocolType: '', groupState: 'Empty' },
    ]);
    for (const g of ['live', 'idle', 'tool', 'doomed']) {
      expect(second.fetchOffsets(g, null)).toEqual(first.fetchOffsets(g, null));
      expect(second.describeGroup(g)).toEqual(first.describeGroup(g));
    }
    expect(second.fetchOffsets('live', null).topics[0]?.partitions[0]).toMatchObject({ committedOffset: 43n, committedLeaderEpoch: -1, metadata: '' });
    expect(second.fetchOffsets('idle', null).topics[0]?.partitions[0]?.committedOffset).toBe(-1n);
    expect(second.fetchOffsets('tool', null).topics.map((t) => t.name)).toEqual(['u']);
    const live = second.describeGroup('live');
    expect(live.members.map((m) => [m.clientId, m.groupInstanceId, m.memberAssignment.toString()])).toEqual([
      ['a', null, 'p0'],
      ['b', 'pod-b', 'p1'],
    ]);
  });

  it('lets members of a reloaded Stable group carry on, and expels them if they stay silent', async () => {
    vi.useFakeTimers();
    const backend = new MemoryBackend();
    await populate(coordinatorOn(backend));
    const second = coordinatorOn(new MemoryBackend());
    second.load(backend.records);
    const [a, b] = second.describeGroup('live').members;
    // a keeps heartbeating; b (session 10 s) says nothing.
    for (let i = 0; i < 10; i++) {
      expect(second.heartbeat({ groupId: 'live', generationId: 1, memberId: a!.memberId }).errorCode).toBe(ErrorCode.NONE);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(second.heartbeat({ groupId: 'live', generationId: 1, memberId: b!.memberId, groupInstanceId: 'pod-b' }).errorCode).toBe(
      ErrorCode.UNKNOWN_MEMBER_ID,
    );
    expect(second.heartbeat({ groupId: 'live', generationId: 1, memberId: a!.memberId }).errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
  });

  it('keeps the last record per key, honours tombstones and skips records it cannot read', () => {
    const c = coordinatorOn(new MemoryBackend());
    const value = (offset: number) =>
      Buffer.concat([Buffer.from([0, 1]), Buffer.from(BigInt.asUintN(64, BigInt(offset)).toString(16).padStart(16, '0'), 'hex'), Buffer.from([0, 0]), Buffer.alloc(16)]);
    const logs: string[] = [];
    const withLog = new GroupCoordinator({ backend: new MemoryBackend(), log: (m) => logs.push(m) });
    open.push(withLog);
    const records = [
      { key: encodeOffsetCommitKey('g', 't', 0), value: value(1) },
      { key: encodeOffsetCommitKey('g', 't', 0), value: value(2) },
      { key: encodeOffsetCommitKey('g', 't', 1), value: value(3) },
      { key: encodeOffsetCommitKey('g', 't', 1), value: null },
      { key: encodeOffsetCommitKey('h', 't', 0), value: value(4) },
      { key: encodeOffsetCommitKey('h', 't', 0), value: null },
      { key: encodeGroupMetadataKey('x'), value: Buffer.from([0, 9]) },
    ];
    c.load(records);
    withLog.load(records);
    expect(c.fetchOffsets('g', null).topics).toEqual([
      { name: 't', partitions: [{ partitionIndex: 0, committedOffset: 2n, committedLeaderEpoch: -1, metadata: '', errorCode: 0 }] },
    ]);
    expect(c.listGroups().map((g) => g.groupId)).toEqual(['g']);
    expect(logs.some((l) => l.includes('unreadable'))).toBe(true);
  });
});
