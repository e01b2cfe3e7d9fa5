// What every step of the rebalance protocol shares: the groups, the coordinator's settings, the
// timers (plain unref'd setTimeouts, all cleared through here) and the plumbing that writes group
// metadata to `__consumer_offsets` and answers waiting JoinGroup/SyncGroup calls. The protocol steps
// themselves are functions over this state in the files beside it; one event loop owns it, so there
// are no locks.
import { encodeGroupMetadataKey, encodeGroupMetadataValue } from '../records';
import type { Group, Member } from '../group';
import type { JoinGroupOutput, OffsetsBackend, SyncGroupOutput } from '../types';

export interface GroupCoordinatorOptions {
  backend: OffsetsBackend;
  /** group.initial.rebalance.delay.ms; Kafka's default is 3000, the embedded broker uses 300. */
  initialRebalanceDelayMs?: number;
  /** group.min.session.timeout.ms (Kafka: 6000). */
  minSessionTimeoutMs?: number;
  /** group.max.session.timeout.ms (Kafka: 1800000). */
  maxSessionTimeoutMs?: number;
  /** How long a new member may wait in JoinGroup before it is dropped (Kafka: 5 minutes). */
  newMemberJoinTimeoutMs?: number;
  now?: () => number;
  log?: (msg: string) => void;
}

type Timer = ReturnType<typeof setTimeout>;

export class MembershipState {
  readonly groups = new Map<string, Group>();
  readonly backend: OffsetsBackend;
  readonly initialRebalanceDelayMs: number;
  readonly minSessionTimeoutMs: number;
  readonly maxSessionTimeoutMs: number;
  readonly newMemberJoinTimeoutMs: number;
  readonly now: () => number;
  readonly log: (msg: string) => void;
  closed = false;

  /** @param sessionExpired what happens when a member's heartbeat timer fires (heartbeat.ts). */
  constructor(
    opts: GroupCoordinatorOptions,
    private readonly sessionExpired: (group: Group, member: Member) => void,
  ) {
    this.backend = opts.backend;
    this.initialRebalanceDelayMs = opts.initialRebalanceDelayMs ?? 300;
    this.minSessionTimeoutMs = opts.minSessionTimeoutMs ?? 6000;
    this.maxSessionTimeoutMs = opts.maxSessionTimeoutMs ?? 1_800_000;
    this.newMemberJoinTimeoutMs = opts.newMemberJoinTimeoutMs ?? 300_000;
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? (() => {});
  }

  // ---------------------------------------------------------------- timers

  timer(ms: number, fn: () => void): Timer | null {
    if (this.closed) return null;
    const t = setTimeout(fn, Math.max(0, ms));
    t.unref?.();
    return t;
  }

  clearTimer(group: Group, which: 'joinTimer' | 'syncTimer'): void {
    const t = group[which];
    if (t !== null) clearTimeout(t);
    group[which] = null;
  }

  clearMemberTimer(member: Member): void {
    if (member.heartbeatTimer !== null) clearTimeout(member.heartbeatTimer);
    member.heartbeatTimer = null;
  }

  clearTimers(group: Group): void {
    this.clearTimer(group, 'joinTimer');
    this.clearTimer(group, 'syncTimer');
    for (const memberId of [...group.pendingMembers.keys()]) group.clearPending(memberId);
    for (const member of group.members.values()) this.clearMemberTimer(member);
  }

  /** (Re)starts a member's session timer. */
  scheduleHeartbeat(group: Group, member: Member, timeoutMs: number): void {
    this.clearMemberTimer(member);
    member.heartbeatTimer = this.timer(timeoutMs, () => this.sessionExpired(group, member));
  }

  // ---------------------------------------------------------------- answers

  answerJoin(member: Member, answer: JoinGroupOutput): void {
    const waiter = member.joinWaiter;
    member.joinWaiter = null;
    waiter?.(answer);
  }

  answerSync(member: Member, answer: SyncGroupOutput): void {
    const waiter = member.syncWaiter;
    member.syncWaiter = null;
    waiter?.(answer);
  }

  // ---------------------------------------------------------------- durability and cleanup

  storeGroup(group: Group): boolean {
    return this.append(group.groupId, [
      { key: encodeGroupMetadataKey(group.groupId), value: encodeGroupMetadataValue(group.toRecord()) },
    ]);
  }

  append(groupId: string, records: { key: Buffer; value: Buffer | null }[]): boolean {
    try {
      this.backend.append(records.map((r) => ({ key: r.key, value: r.value, groupId })));
      return true;
    } catch (err) {
      this.log(`group ${groupId}: writing to __consumer_offsets failed: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  /** Groups created by a join or commit that went nowhere leave no trace (Kafka's cleanup would drop them too). */
  forgetIfUnused(group: Group): void {
    if (
      group.state === 'Empty' &&
      group.generationId === 0 &&
      group.members.size === 0 &&
      group.pendingMembers.size === 0 &&
      !group.hasOffsets() &&
      this.groups.get(group.groupId) === group
    ) {
      this.dropGroup(group);
    }
  }

  dropGroup(group: Group): void {
    group.transition('Dead', this.now());
    this.clearTimers(group);
    if (this.groups.get(group.groupId) === group) this.groups.delete(group.groupId);
  }
}
