// The rebalance protocol without a network: groups forming, rebalancing, members leaving, expiring
// and fencing, checked against Kafka's classic coordinator, on a faked clock so timeouts are exact.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../common/kafka-error-codes';
import { GroupCoordinator } from './coordinator';
import { leaveGroupLegacyError } from './index';
import { MemoryBackend, joinRequest } from './testing';
import type { JoinGroupOutput } from './types';

// The clock is faked so rebalance and session timeouts pass instantly and deterministically.
// Members joining together arrive within one initial delay (100 ms), which extends it once: 200 ms.
vi.setConfig({ testTimeout: 5_000 });
let backend: MemoryBackend;
let coordinator: GroupCoordinator;

beforeEach(() => {
  vi.useFakeTimers();
  backend = new MemoryBackend();
  coordinator = new GroupCoordinator({ backend, initialRebalanceDelayMs: 100, minSessionTimeoutMs: 100 });
});

afterEach(() => {
  coordinator.close();
  vi.useRealTimers();
});

/** Two members join an empty group and sync: the usual start of a consumer group. */
async function stableGroupOfTwo() {
  const joinA = coordinator.joinGroup(joinRequest({ clientId: 'a', protocols: [{ name: 'range', metadata: Buffer.from('meta-a') }] }));
  const joinB = coordinator.joinGroup(joinRequest({ clientId: 'b', protocols: [{ name: 'range', metadata: Buffer.from('meta-b') }] }));
  await vi.advanceTimersByTimeAsync(200);
  const [a, b] = await Promise.all([joinA, joinB]);
  const syncB = coordinator.syncGroup({ groupId: 'g', generationId: b.generationId, memberId: b.memberId, assignments: [] });
  const syncA = coordinator.syncGroup({
    groupId: 'g',
    generationId: a.generationId,
    memberId: a.memberId,
    assignments: [
      { memberId: a.memberId, assignment: Buffer.from('for-a') },
      { memberId: b.memberId, assignment: Buffer.from('for-b') },
    ],
  });
  return { a, b, syncA: await syncA, syncB: await syncB };
}

function heartbeat(m: JoinGroupOutput) {
  return coordinator.heartbeat({ groupId: 'g', generationId: m.generationId, memberId: m.memberId }).errorCode;
}

describe('a group forming', () => {
  it('puts two joining members in one generation, gives the leader all metadata and distributes the assignment', async () => {
    const { a, b, syncA, syncB } = await stableGroupOfTwo();
    expect(a.errorCode).toBe(ErrorCode.NONE);
    expect(b.errorCode).toBe(ErrorCode.NONE);
    expect(a.generationId).toBe(1);
    expect(b.generationId).toBe(1);
    expect(a.memberId).toMatch(/^a-[0-9a-f-]{36}$/);
    expect(a.leader).toBe(a.memberId);
    expect(b.leader).toBe(a.memberId);
    expect(a.protocolName).toBe('range');
    expect(a.protocolType).toBe('consumer');
    expect(a.members.map((m) => [m.memberId, m.metadata.toString()])).toEqual([
      [a.memberId, 'meta-a'],
      [b.memberId, 'meta-b'],
    ]);
    expect(b.members).toEqual([]);
    expect(syncA).toMatchObject({ errorCode: ErrorCode.NONE, protocolName: 'range' });
    expect(syncA.assignment.toString()).toBe('for-a');
    expect(syncB.assignment.toString()).toBe('for-b');

    const described = coordinator.describeGroup('g');
    expect(described).toMatchObject({ errorCode: 0, groupState: 'Stable', protocolType: 'consumer', protocolData: 'range' });
    expect(described.members.map((m) => [m.clientId, m.memberMetadata.toString(), m.memberAssignment.toString()])).toEqual([
      ['a', 'meta-a', 'for-a'],
      ['b', 'meta-b', 'for-b'],
    ]);
    expect(heartbeat(a)).toBe(ErrorCode.NONE);
    expect(coordinator.listGroups()).toEqual([{ groupId: 'g', protocolType: 'consumer', groupState: 'Stable' }]);
  });

  it('waits for the initial rebalance delay and extends it while members keep arriving', async () => {
    const joinA = coordinator.joinGroup(joinRequest({ clientId: 'a' }));
    await vi.advanceTimersByTimeAsync(90);
    const joinB = coordinator.joinGroup(joinRequest({ clientId: 'b' }));
    await vi.advanceTimersByTimeAsync(20); // the first delay ends, but B arrived during it
    expect(coordinator.describeGroup('g').groupState).toBe('PreparingRebalance');
    await vi.advanceTimersByTimeAsync(100);
    const [a, b] = await Promise.all([joinA, joinB]);
    expect(a.generationId).toBe(1);
    expect(b.generationId).toBe(1);
    expect(coordinator.describeGroup('g').groupState).toBe('CompletingRebalance');
  });

  it('keeps followers waiting in SyncGroup until the leader sends the assignment', async () => {
    const joinA = coordinator.joinGroup(joinRequest({ clientId: 'a' }));
    const joinB = coordinator.joinGroup(joinRequest({ clientId: 'b' }));
    await vi.advanceTimersByTimeAsync(200);
    const [a, b] = await Promise.all([joinA, joinB]);
    let followerDone = false;
    const syncB = coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: b.memberId, assignments: [] }).then((r) => {
      followerDone = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(50);
    expect(followerDone).toBe(false);
    expect(coordinator.describeGroup('g').groupState).toBe('CompletingRebalance');
    await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [{ memberId: b.memberId, assignment: Buffer.from('x') }] });
    expect((await syncB).assignment.toString()).toBe('x');
    expect(coordinator.describeGroup('g').groupState).toBe('Stable');
  });

  it('chooses the protocol most members prefer among those all support', async () => {
    const p = (...names: string[]) => names.map((name) => ({ name, metadata: Buffer.from(name) }));
    const joins = [
      coordinator.joinGroup(joinRequest({ clientId: 'a', protocols: p('roundrobin', 'range') })),
      coordinator.joinGroup(joinRequest({ clientId: 'b', protocols: p('range', 'roundrobin', 'sticky') })),
      coordinator.joinGroup(joinRequest({ clientId: 'c', protocols: p('range', 'roundrobin') })),
    ];
    await vi.advanceTimersByTimeAsync(200);
    const [a] = await Promise.all(joins);
    expect(a?.protocolName).toBe('range');
    expect(a?.members.map((m) => m.metadata.toString())).toEqual(['range', 'range', 'range']);
  });
});

describe('rebalancing', () => {
  it('rebalances when a third member joins: the others learn it from heartbeats and rejoin', async () => {
    const { a, b } = await stableGroupOfTwo();
    const joinC = coordinator.joinGroup(joinRequest({ clientId: 'c' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(coordinator.describeGroup('g').groupState).toBe('PreparingRebalance');
    expect(heartbeat(a)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(heartbeat(b)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    // SyncGroup is refused until the new generation exists.
    expect((await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: b.memberId, assignments: [] })).errorCode).toBe(
      ErrorCode.REBALANCE_IN_PROGRESS,
    );
    const rejoinA = coordinator.joinGroup(joinRequest({ memberId: a.memberId, clientId: 'a', protocols: [{ name: 'range', metadata: Buffer.from('meta-a') }] }));
    const rejoinB = coordinator.joinGroup(joinRequest({ memberId: b.memberId, clientId: 'b', protocols: [{ name: 'range', metadata: Buffer.from('meta-b') }] }));
    const [a2, b2, c] = await Promise.all([rejoinA, rejoinB, joinC]);
    for (const m of [a2, b2, c]) expect(m).toMatchObject({ errorCode: ErrorCode.NONE, generationId: 2, leader: a.memberId });
    expect(a2.members).toHaveLength(3);
    // The old generation is over.
    expect(heartbeat(a)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(heartbeat(a2)).toBe(ErrorCode.NONE);
  });

  it('answers a waiting follower with REBALANCE_IN_PROGRESS when a rebalance starts before the leader syncs', async () => {
    const joinA = coordinator.joinGroup(joinRequest({ clientId: 'a' }));
    const joinB = coordinator.joinGroup(joinRequest({ clientId: 'b' }));
    await vi.advanceTimersByTimeAsync(200);
    const [, b] = await Promise.all([joinA, joinB]);
    const syncB = coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: b.memberId, assignments: [] });
    void coordinator.joinGroup(joinRequest({ clientId: 'c' }));
    expect((await syncB).errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
  });

  it('expels a member that stops heartbeating and rebalances the rest', async () => {
    const { a, b } = await stableGroupOfTwo();
    // A keeps heartbeating every 300 ms; B is silent past its 1000 ms session timeout.
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(300);
      heartbeat(a);
    }
    expect(coordinator.describeGroup('g').members.map((m) => m.memberId)).toEqual([a.memberId]);
    expect(heartbeat(a)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(heartbeat(b)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    const a2 = await coordinator.joinGroup(joinRequest({ memberId: a.memberId, clientId: 'a' }));
    expect(a2).toMatchObject({ errorCode: ErrorCode.NONE, generationId: 2, leader: a.memberId });
    expect(a2.members.map((m) => m.memberId)).toEqual([a.memberId]);
  });

  it('removes members that do not rejoin within the rebalance timeout', async () => {
    const { a, b } = await stableGroupOfTwo();
    const rejoinA = coordinator.joinGroup(joinRequest({ memberId: a.memberId, clientId: 'a' }));
    // B heartbeats (so its session is alive) but never rejoins; the rebalance timeout is 2000 ms.
    for (let i = 0; i < 7; i++) {
      await vi.advanceTimersByTimeAsync(300);
      heartbeat(b);
    }
    const a2 = await rejoinA;
    expect(a2).toMatchObject({ errorCode: ErrorCode.NONE, generationId: 2 });
    expect(a2.members.map((m) => m.memberId)).toEqual([a.memberId]);
    expect(heartbeat(b)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it('makes a follower leader when the leader leaves', async () => {
    const { a, b } = await stableGroupOfTwo();
    const left = coordinator.leaveGroup('g', [{ memberId: a.memberId, groupInstanceId: null }]);
    expect(left).toEqual({ errorCode: 0, members: [{ memberId: a.memberId, groupInstanceId: null, errorCode: 0 }] });
    expect(heartbeat(b)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    const b2 = await coordinator.joinGroup(joinRequest({ memberId: b.memberId, clientId: 'b' }));
    expect(b2).toMatchObject({ generationId: 2, leader: b.memberId });
  });

  it('goes Empty when the last member leaves and records that in __consumer_offsets', async () => {
    const { a, b } = await stableGroupOfTwo();
    const left = coordinator.leaveGroup('g', [
      { memberId: a.memberId, groupInstanceId: null },
      { memberId: b.memberId, groupInstanceId: null },
      { memberId: 'nobody', groupInstanceId: null },
    ]);
    expect(left.members.map((m) => m.errorCode)).toEqual([0, 0, ErrorCode.UNKNOWN_MEMBER_ID]);
    expect(leaveGroupLegacyError(left)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(coordinator.describeGroup('g')).toMatchObject({ groupState: 'Empty', protocolType: 'consumer', members: [] });
    expect(coordinator.listGroups()).toEqual([{ groupId: 'g', protocolType: 'consumer', groupState: 'Empty' }]);
    expect(heartbeat(a)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    // Records: the Stable group after the leader's sync, then the Empty group.
    expect(backend.records.map((r) => r.groupId)).toEqual(['g', 'g']);
  });

  it('answers a pending JoinGroup with UNKNOWN_MEMBER_ID when its member leaves', async () => {
    const { a } = await stableGroupOfTwo();
    const rejoinA = coordinator.joinGroup(joinRequest({ memberId: a.memberId, clientId: 'a' }));
    coordinator.leaveGroup('g', [{ memberId: a.memberId, groupInstanceId: null }]);
    expect((await rejoinA).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });
});

describe('rejoins that change nothing', () => {
  it('answers a follower rejoining a Stable group with the current generation, without a rebalance', async () => {
    const { a, b } = await stableGroupOfTwo();
    const again = await coordinator.joinGroup(joinRequest({ memberId: b.memberId, clientId: 'b', protocols: [{ name: 'range', metadata: Buffer.from('meta-b') }] }));
    expect(again).toMatchObject({ errorCode: 0, generationId: 1, leader: a.memberId, members: [] });
    expect(coordinator.describeGroup('g').groupState).toBe('Stable');
  });

  it('rebalances when a Stable member rejoins with new metadata', async () => {
    const { b } = await stableGroupOfTwo();
    void coordinator.joinGroup(joinRequest({ memberId: b.memberId, clientId: 'b', protocols: [{ name: 'range', metadata: Buffer.from('new topics') }] }));
    expect(coordinator.describeGroup('g').groupState).toBe('PreparingRebalance');
  });

  it('repeats the JoinGroup answer to a member that rejoins unchanged while the group completes the rebalance', async () => {
    const joinA = coordinator.joinGroup(joinRequest({ clientId: 'a' }));
    await vi.advanceTimersByTimeAsync(100);
    const a = await joinA;
    const again = await coordinator.joinGroup(joinRequest({ memberId: a.memberId, clientId: 'a' }));
    expect(again).toEqual(a);
  });
});

describe('static members', () => {
  it('fences an old member id that claims a group instance id now held by another', async () => {
    const first = coordinator.joinGroup(joinRequest({ apiVersion: 5, groupInstanceId: 'pod-1', clientId: 'c' }));
    await vi.advanceTimersByTimeAsync(100);
    const m = await first;
    expect(m.errorCode).toBe(ErrorCode.NONE);
    expect(m.memberId.startsWith('pod-1-')).toBe(true);
    expect(coordinator.heartbeat({ groupId: 'g', generationId: 1, memberId: 'old-id', groupInstanceId: 'pod-1' }).errorCode).toBe(
      ErrorCode.FENCED_INSTANCE_ID,
    );
    expect(coordinator.leaveGroup('g', [{ memberId: '', groupInstanceId: 'pod-1' }]).members[0]?.errorCode).toBe(ErrorCode.NONE);
    expect(coordinator.describeGroup('g').members).toEqual([]);
  });
});

describe('member ids', () => {
  it('asks v4+ clients to rejoin with a generated member id, then accepts it', async () => {
    const first = await coordinator.joinGroup(joinRequest({ apiVersion: 4, clientId: 'rdkafka' }));
    expect(first).toMatchObject({ errorCode: ErrorCode.MEMBER_ID_REQUIRED, generationId: -1, members: [] });
    expect(first.memberId).toMatch(/^rdkafka-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const second = coordinator.joinGroup(joinRequest({ apiVersion: 4, clientId: 'rdkafka', memberId: first.memberId }));
    await vi.advanceTimersByTimeAsync(100);
    expect(await second).toMatchObject({ errorCode: 0, generationId: 1, memberId: first.memberId, leader: first.memberId });
  });

  it('forgets a handed-out member id that never comes back within the session timeout', async () => {
    const first = await coordinator.joinGroup(joinRequest({ apiVersion: 5, clientId: 'x' }));
    await vi.advanceTimersByTimeAsync(1001);
    const late = await coordinator.joinGroup(joinRequest({ apiVersion: 5, memberId: first.memberId }));
    expect(late.errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(coordinator.describeGroup('g').groupState).toBe('Dead');
  });

  it('creates the member directly for v0-3', async () => {
    const join = coordinator.joinGroup(joinRequest({ apiVersion: 0, rebalanceTimeoutMs: undefined }));
    await vi.advanceTimersByTimeAsync(100);
    expect((await join).errorCode).toBe(ErrorCode.NONE);
  });
});

describe('errors', () => {
  it('refuses unknown members and old generations', async () => {
    const { a } = await stableGroupOfTwo();
    expect(coordinator.heartbeat({ groupId: 'g', generationId: 1, memberId: 'stranger' }).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(coordinator.heartbeat({ groupId: 'nope', generationId: 1, memberId: a.memberId }).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(coordinator.heartbeat({ groupId: 'g', generationId: 7, memberId: a.memberId }).errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    const sync = await coordinator.syncGroup({ groupId: 'g', generationId: 0, memberId: a.memberId, assignments: [] });
    expect(sync.errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect((await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: 'stranger', assignments: [] })).errorCode).toBe(
      ErrorCode.UNKNOWN_MEMBER_ID,
    );
    expect((await coordinator.joinGroup(joinRequest({ memberId: 'stranger' }))).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect((await coordinator.joinGroup(joinRequest({ groupId: 'other', memberId: 'stranger' }))).errorCode).toBe(
      ErrorCode.UNKNOWN_MEMBER_ID,
    );
    expect(coordinator.leaveGroup('other', [{ memberId: 'x', groupInstanceId: null }]).members[0]?.errorCode).toBe(
      ErrorCode.UNKNOWN_MEMBER_ID,
    );
  });

  it('refuses members whose protocols do not fit the group', async () => {
    await stableGroupOfTwo();
    const noCommon = await coordinator.joinGroup(joinRequest({ protocols: [{ name: 'roundrobin', metadata: Buffer.alloc(0) }] }));
    expect(noCommon.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const otherType = await coordinator.joinGroup(joinRequest({ protocolType: 'connect' }));
    expect(otherType.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const none = await coordinator.joinGroup(joinRequest({ groupId: 'fresh', protocols: [] }));
    expect(none.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    expect(coordinator.describeGroup('fresh').groupState).toBe('Dead');
    expect(coordinator.describeGroup('g').groupState).toBe('Stable');
  });

  it('checks the session timeout against the configured bounds and the group id', async () => {
    expect((await coordinator.joinGroup(joinRequest({ sessionTimeoutMs: 50 }))).errorCode).toBe(ErrorCode.INVALID_SESSION_TIMEOUT);
    expect((await coordinator.joinGroup(joinRequest({ groupId: '' }))).errorCode).toBe(ErrorCode.INVALID_GROUP_ID);
  });

  it('rejects SyncGroup v5 protocol names that differ from the group', async () => {
    const { a } = await stableGroupOfTwo();
    const sync = await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: a.memberId, protocolName: 'sticky', assignments: [] });
    expect(sync.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  });
});

describe('closing', () => {
  it('answers waiting and later JoinGroup/SyncGroup requests instead of leaving them hanging', async () => {
    const waiting = coordinator.joinGroup(joinRequest());
    coordinator.close();
    expect((await waiting).errorCode).toBe(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    expect((await coordinator.joinGroup(joinRequest())).errorCode).toBe(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    expect(vi.getTimerCount()).toBe(0);
  });
});
