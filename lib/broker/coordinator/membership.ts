// The rebalance protocol of Kafka's classic group coordinator: JoinGroup, SyncGroup, Heartbeat and
// LeaveGroup, with the timers that drive them. JoinGroup and SyncGroup answer with Promises that settle
// when the rebalance they wait on completes. One event loop owns all state, so there are no locks —
// only plain (unref'd) timers for session timeouts, rebalance timeouts, the initial rebalance delay
// and members that never sync. GroupCoordinator (coordinator.ts) adds offsets, admin and startup.
//
// States: Empty -> PreparingRebalance -> CompletingRebalance -> Stable, and Dead once deleted.
// Deliberate differences from Kafka: the initial rebalance delay is extended by new members in any
// generation (Kafka only in generation 0); static membership (group.instance.id) is stored and used
// to fence, but a returning static member causes a rebalance instead of silently taking over.

import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../protocol/errors';
import { Group, Member } from './group';
import { encodeGroupMetadataKey, encodeGroupMetadataValue } from './records';
import type {
  HeartbeatInput,
  JoinGroupInput,
  JoinGroupOutput,
  LeaveGroupOutput,
  LeavingMember,
  OffsetsBackend,
  SyncGroupInput,
  SyncGroupOutput,
} from './types';

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

export function joinError(memberId: string, errorCode: number): JoinGroupOutput {
  return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] };
}

export function syncError(errorCode: number): SyncGroupOutput {
  return { errorCode, protocolType: null, protocolName: null, assignment: Buffer.alloc(0) };
}


export class GroupMembership {
  protected readonly groups = new Map<string, Group>();
  protected readonly backend: OffsetsBackend;
  protected readonly initialRebalanceDelayMs: number;
  protected readonly minSessionTimeoutMs: number;
  protected readonly maxSessionTimeoutMs: number;
  protected readonly newMemberJoinTimeoutMs: number;
  protected readonly now: () => number;
  protected readonly log: (msg: string) => void;
  protected closed = false;

  constructor(opts: GroupCoordinatorOptions) {
    this.backend = opts.backend;
    this.initialRebalanceDelayMs = opts.initialRebalanceDelayMs ?? 300;
    this.minSessionTimeoutMs = opts.minSessionTimeoutMs ?? 6000;
    this.maxSessionTimeoutMs = opts.maxSessionTimeoutMs ?? 1_800_000;
    this.newMemberJoinTimeoutMs = opts.newMemberJoinTimeoutMs ?? 300_000;
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? (() => {});
  }

  // ---------------------------------------------------------------- JoinGroup

  joinGroup(req: JoinGroupInput): Promise<JoinGroupOutput> {
    return new Promise((resolve) => this.handleJoin(req, resolve));
  }

  private handleJoin(req: JoinGroupInput, respond: (a: JoinGroupOutput) => void): void {
    if (this.closed) return respond(joinError(req.memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE));
    if (req.groupId === '') return respond(joinError(req.memberId, ErrorCode.INVALID_GROUP_ID));
    if (req.sessionTimeoutMs < this.minSessionTimeoutMs || req.sessionTimeoutMs > this.maxSessionTimeoutMs) {
      return respond(joinError(req.memberId, ErrorCode.INVALID_SESSION_TIMEOUT));
    }
    let group = this.groups.get(req.groupId);
    if (group === undefined) {
      if (req.memberId !== '') return respond(joinError(req.memberId, ErrorCode.UNKNOWN_MEMBER_ID));
      group = new Group(req.groupId);
      group.currentStateTimestamp = this.now();
      this.groups.set(req.groupId, group);
    }
    if (req.memberId === '') this.joinNewMember(group, req, respond);
    else this.joinCurrentMember(group, req, respond);
    if (group.state === 'PreparingRebalance') this.tryCompleteJoin(group);
    this.forgetIfUnused(group);
  }

  private joinNewMember(group: Group, req: JoinGroupInput, respond: (a: JoinGroupOutput) => void): void {
    if (group.state === 'Dead') return respond(joinError('', ErrorCode.COORDINATOR_NOT_AVAILABLE));
    if (!group.supportsProtocols(req.protocolType, req.protocols, '')) {
      return respond(joinError('', ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    }
    const instanceId = req.groupInstanceId ?? null;
    const memberId = `${instanceId ?? req.clientId}-${randomUUID()}`;
    if (instanceId !== null) {
      const previous = group.memberByInstanceId(instanceId);
      if (previous !== undefined) {
        this.removeMemberAndUpdateGroup(group, previous, `static instance ${instanceId} rejoined`, ErrorCode.FENCED_INSTANCE_ID);
      }
    } else if (req.apiVersion >= 4) {
      // Hand out a member id and wait for the client to come back with it (KIP-394).
      group.clearPending(memberId);
      group.pendingMembers.set(
        memberId,
        this.timer(req.sessionTimeoutMs, () => this.removePendingMember(group, memberId, 'never rejoined')),
      );
      return respond(joinError(memberId, ErrorCode.MEMBER_ID_REQUIRED));
    }
    this.addMemberAndRebalance(group, memberId, req, respond);
  }

  private joinCurrentMember(group: Group, req: JoinGroupInput, respond: (a: JoinGroupOutput) => void): void {
    const memberId = req.memberId;
    if (group.state === 'Dead') return respond(joinError(memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE));
    if (!group.supportsProtocols(req.protocolType, req.protocols, memberId)) {
      return respond(joinError(memberId, ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    }
    if (group.pendingMembers.has(memberId)) return this.addMemberAndRebalance(group, memberId, req, respond);

    const fenced = this.fencedError(group, memberId, req.groupInstanceId ?? null);
    if (fenced !== null) return respond(joinError(memberId, fenced));
    const member = group.members.get(memberId);
    if (member === undefined) return respond(joinError(memberId, ErrorCode.UNKNOWN_MEMBER_ID));

    switch (group.state) {
      case 'PreparingRebalance':
        return this.updateMemberAndRebalance(group, member, req, respond);
      case 'CompletingRebalance':
        // The same offer again (it probably lost our answer): repeat this generation's answer.
        if (member.matches(req.protocols)) return respond(this.currentJoinAnswer(group, member));
        return this.updateMemberAndRebalance(group, member, req, respond);
      case 'Stable':
        // A leader's rejoin always rebalances (it may have seen topic changes); a follower only when
        // its offer changed.
        if (group.isLeader(memberId) || !member.matches(req.protocols)) {
          return this.updateMemberAndRebalance(group, member, req, respond);
        }
        return respond(this.currentJoinAnswer(group, member));
      default:
        return respond(joinError(memberId, ErrorCode.UNKNOWN_MEMBER_ID));
    }
  }

  private currentJoinAnswer(group: Group, member: Member): JoinGroupOutput {
    return {
      errorCode: ErrorCode.NONE,
      generationId: group.generationId,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      leader: group.leaderId ?? '',
      memberId: member.memberId,
      members: group.isLeader(member.memberId) ? group.currentMemberMetadata() : [],
    };
  }

  private addMemberAndRebalance(
    group: Group,
    memberId: string,
    req: JoinGroupInput,
    respond: (a: JoinGroupOutput) => void,
  ): void {
    const rebalanceTimeoutMs =
      req.rebalanceTimeoutMs === undefined || req.rebalanceTimeoutMs < 0 ? req.sessionTimeoutMs : req.rebalanceTimeoutMs;
    const member = new Member(
      memberId,
      req.groupInstanceId ?? null,
      req.clientId,
      req.clientHost,
      rebalanceTimeoutMs,
      req.sessionTimeoutMs,
      req.protocolType,
      req.protocols,
    );
    member.isNew = true;
    if (group.state === 'PreparingRebalance' && group.initialRebalanceDelayActive()) group.newMemberAdded = true;
    group.add(member);
    member.joinWaiter = respond;
    this.scheduleHeartbeat(group, member, this.newMemberJoinTimeoutMs);
    this.log(`group ${group.groupId}: member ${memberId} joined`);
    this.maybePrepareRebalance(group, `new member ${memberId} joined`);
  }

  private updateMemberAndRebalance(
    group: Group,
    member: Member,
    req: JoinGroupInput,
    respond: (a: JoinGroupOutput) => void,
  ): void {
    // A second JoinGroup from the same member replaces the first; answer the first so it cannot hang.
    this.answerJoin(member, joinError(member.memberId, ErrorCode.REBALANCE_IN_PROGRESS));
    member.protocols = req.protocols;
    member.sessionTimeoutMs = req.sessionTimeoutMs;
    if (req.rebalanceTimeoutMs !== undefined && req.rebalanceTimeoutMs >= 0) member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
    member.clientId = req.clientId;
    member.clientHost = req.clientHost;
    member.joinWaiter = respond;
    this.maybePrepareRebalance(group, `member ${member.memberId} rejoined`);
  }

  // ---------------------------------------------------------------- rebalancing

  private maybePrepareRebalance(group: Group, reason: string): void {
    if (group.state === 'Stable' || group.state === 'CompletingRebalance' || group.state === 'Empty') {
      this.prepareRebalance(group, reason);
    }
  }

  private prepareRebalance(group: Group, reason: string): void {
    if (group.state === 'CompletingRebalance') this.resetAndPropagateAssignmentError(group, ErrorCode.REBALANCE_IN_PROGRESS);
    this.clearTimer(group, 'syncTimer');
    group.pendingSyncMembers.clear();
    const wasEmpty = group.state === 'Empty';
    group.transition('PreparingRebalance', this.now());
    this.log(`group ${group.groupId}: preparing rebalance (${reason}), generation ${group.generationId}`);
    const rebalanceTimeoutMs = group.rebalanceTimeoutMs();
    this.clearTimer(group, 'joinTimer');
    if (wasEmpty) {
      // Wait a little for the other members that usually start together, so the first generation
      // does not rebalance once per member.
      group.initialDelayRemainingMs = Math.max(rebalanceTimeoutMs - this.initialRebalanceDelayMs, 0);
      group.newMemberAdded = false;
      group.joinTimer = this.timer(this.initialRebalanceDelayMs, () => this.onInitialDelayEnd(group));
    } else {
      group.joinTimer = this.timer(rebalanceTimeoutMs, () => this.completeJoin(group));
      this.tryCompleteJoin(group);
    }
  }

  private onInitialDelayEnd(group: Group): void {
    group.joinTimer = null;
    const remaining = group.initialDelayRemainingMs ?? 0;
    if (group.newMemberAdded && remaining > 0) {
      group.newMemberAdded = false;
      const delay = Math.min(this.initialRebalanceDelayMs, remaining);
      group.initialDelayRemainingMs = Math.max(remaining - this.initialRebalanceDelayMs, 0);
      group.joinTimer = this.timer(delay, () => this.onInitialDelayEnd(group));
      return;
    }
    this.completeJoin(group);
  }

  private tryCompleteJoin(group: Group): void {
    if (group.state === 'PreparingRebalance' && !group.initialRebalanceDelayActive() && group.hasAllMembersJoined()) {
      this.completeJoin(group);
    }
  }

  /** The end of PreparingRebalance: drop members that did not rejoin, start the next generation. */
  private completeJoin(group: Group): void {
    this.clearTimer(group, 'joinTimer');
    group.initialDelayRemainingMs = null;
    group.newMemberAdded = false;
    if (group.state !== 'PreparingRebalance') return;
    for (const member of [...group.members.values()]) {
      if (member.joinWaiter !== null) continue;
      this.log(`group ${group.groupId}: member ${member.memberId} did not rejoin in time, removed`);
      this.clearMemberTimer(member);
      this.answerSync(member, syncError(ErrorCode.UNKNOWN_MEMBER_ID));
      group.remove(member.memberId);
    }
    group.generationId += 1;
    if (group.members.size === 0) {
      group.protocolName = null;
      group.transition('Empty', this.now());
      this.log(`group ${group.groupId}: empty at generation ${group.generationId}`);
      this.storeGroup(group);
      this.forgetIfUnused(group);
      return;
    }
    group.protocolName = group.selectProtocol();
    group.transition('CompletingRebalance', this.now());
    this.log(`group ${group.groupId}: generation ${group.generationId} with ${group.members.size} member(s), protocol ${group.protocolName}`);
    for (const member of group.members.values()) {
      const answer = this.currentJoinAnswer(group, member);
      member.isNew = false;
      this.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
      group.pendingSyncMembers.add(member.memberId);
      this.answerJoin(member, answer);
    }
    group.syncTimer = this.timer(group.rebalanceTimeoutMs(), () => this.onSyncTimeout(group));
  }

  /** Members that got their JoinGroup answer but never sent SyncGroup are removed, and the rest rebalance. */
  private onSyncTimeout(group: Group): void {
    group.syncTimer = null;
    if (group.state !== 'CompletingRebalance' && group.state !== 'Stable') return;
    if (group.pendingSyncMembers.size === 0) return;
    for (const memberId of [...group.pendingSyncMembers]) {
      const member = group.members.get(memberId);
      if (member !== undefined) {
        this.log(`group ${group.groupId}: member ${memberId} never sent SyncGroup, removed`);
        this.clearMemberTimer(member);
        group.remove(memberId);
      }
    }
    group.pendingSyncMembers.clear();
    this.maybePrepareRebalance(group, 'members failed to sync');
  }

  private resetAndPropagateAssignmentError(group: Group, errorCode: number): void {
    for (const member of group.members.values()) {
      member.assignment = Buffer.alloc(0);
      if (member.syncWaiter !== null) {
        this.answerSync(member, syncError(errorCode));
        this.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
      }
    }
  }

  // ---------------------------------------------------------------- SyncGroup

  syncGroup(req: SyncGroupInput): Promise<SyncGroupOutput> {
    return new Promise((resolve) => this.handleSync(req, resolve));
  }

  private handleSync(req: SyncGroupInput, respond: (a: SyncGroupOutput) => void): void {
    if (this.closed) return respond(syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE));
    if (req.groupId === '') return respond(syncError(ErrorCode.INVALID_GROUP_ID));
    const group = this.groups.get(req.groupId);
    if (group === undefined) return respond(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
    if (group.state === 'Dead') return respond(syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE));
    const fenced = this.fencedError(group, req.memberId, req.groupInstanceId ?? null);
    if (fenced !== null) return respond(syncError(fenced));
    const member = group.members.get(req.memberId);
    if (member === undefined) return respond(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
    if (req.generationId !== group.generationId) return respond(syncError(ErrorCode.ILLEGAL_GENERATION));
    if (
      (req.protocolType != null && req.protocolType !== group.protocolType) ||
      (req.protocolName != null && req.protocolName !== group.protocolName)
    ) {
      return respond(syncError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    }

    switch (group.state) {
      case 'PreparingRebalance':
        return respond(syncError(ErrorCode.REBALANCE_IN_PROGRESS));
      case 'CompletingRebalance': {
        this.markSynced(group, req.memberId);
        this.answerSync(member, syncError(ErrorCode.REBALANCE_IN_PROGRESS));
        member.syncWaiter = respond;
        this.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
        if (group.isLeader(req.memberId)) this.applyLeaderAssignment(group, req.assignments);
        return;
      }
      case 'Stable':
        this.markSynced(group, req.memberId);
        this.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
        return respond(this.syncAnswer(group, member));
      default:
        return respond(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
    }
  }

  private markSynced(group: Group, memberId: string): void {
    group.pendingSyncMembers.delete(memberId);
    if (group.pendingSyncMembers.size === 0) this.clearTimer(group, 'syncTimer');
  }

  private syncAnswer(group: Group, member: Member): SyncGroupOutput {
    return {
      errorCode: ErrorCode.NONE,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      assignment: member.assignment,
    };
  }

  private applyLeaderAssignment(group: Group, assignments: SyncGroupInput['assignments']): void {
    const byMember = new Map(assignments.map((a) => [a.memberId, a.assignment]));
    for (const member of group.members.values()) member.assignment = byMember.get(member.memberId) ?? Buffer.alloc(0);
    if (!this.storeGroup(group)) {
      this.resetAndPropagateAssignmentError(group, ErrorCode.COORDINATOR_NOT_AVAILABLE);
      this.maybePrepareRebalance(group, 'group metadata could not be written');
      return;
    }
    group.transition('Stable', this.now());
    this.log(`group ${group.groupId}: stable at generation ${group.generationId}`);
    for (const member of group.members.values()) {
      if (member.syncWaiter === null) continue;
      this.answerSync(member, this.syncAnswer(group, member));
      this.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
    }
  }

  // ---------------------------------------------------------------- Heartbeat and LeaveGroup

  heartbeat(req: HeartbeatInput): { errorCode: number } {
    if (req.groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID };
    const group = this.groups.get(req.groupId);
    if (group === undefined) return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID };
    if (group.state === 'Dead') return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE };
    const fenced = this.fencedError(group, req.memberId, req.groupInstanceId ?? null);
    if (fenced !== null) return { errorCode: fenced };
    const member = group.members.get(req.memberId);
    if (member === undefined) return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID };
    if (req.generationId !== group.generationId) return { errorCode: ErrorCode.ILLEGAL_GENERATION };
    switch (group.state) {
      case 'CompletingRebalance':
      case 'Stable':
        this.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
        return { errorCode: ErrorCode.NONE };
      case 'PreparingRebalance':
        // The way members learn they must rejoin.
        this.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
        return { errorCode: ErrorCode.REBALANCE_IN_PROGRESS };
      default:
        return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID };
    }
  }

  leaveGroup(groupId: string, members: LeavingMember[]): LeaveGroupOutput {
    if (groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID, members: [] };
    const group = this.groups.get(groupId);
    const answer = (m: LeavingMember, errorCode: number) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, errorCode });
    if (group === undefined) {
      return { errorCode: ErrorCode.NONE, members: members.map((m) => answer(m, ErrorCode.UNKNOWN_MEMBER_ID)) };
    }
    if (group.state === 'Dead') return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, members: [] };
    const results = members.map((leaving) => {
      if (leaving.memberId === '') {
        // Administrative removal by group instance id.
        const member = leaving.groupInstanceId !== null ? group.memberByInstanceId(leaving.groupInstanceId) : undefined;
        if (member === undefined) return answer(leaving, ErrorCode.UNKNOWN_MEMBER_ID);
        this.removeMemberAndUpdateGroup(group, member, 'removed by group instance id');
        return answer(leaving, ErrorCode.NONE);
      }
      if (group.pendingMembers.has(leaving.memberId)) {
        this.removePendingMember(group, leaving.memberId, 'left');
        return answer(leaving, ErrorCode.NONE);
      }
      const fenced = this.fencedError(group, leaving.memberId, leaving.groupInstanceId);
      if (fenced !== null) return answer(leaving, fenced);
      const member = group.members.get(leaving.memberId);
      if (member === undefined) return answer(leaving, ErrorCode.UNKNOWN_MEMBER_ID);
      this.removeMemberAndUpdateGroup(group, member, 'left the group');
      return answer(leaving, ErrorCode.NONE);
    });
    this.forgetIfUnused(group);
    return { errorCode: ErrorCode.NONE, members: results };
  }

  private fencedError(group: Group, memberId: string, groupInstanceId: string | null): number | null {
    if (groupInstanceId === null) return null;
    const current = group.memberByInstanceId(groupInstanceId);
    return current !== undefined && current.memberId !== memberId ? ErrorCode.FENCED_INSTANCE_ID : null;
  }

  private removeMemberAndUpdateGroup(group: Group, member: Member, reason: string, waiterError: number = ErrorCode.UNKNOWN_MEMBER_ID): void {
    this.log(`group ${group.groupId}: member ${member.memberId} removed (${reason})`);
    this.clearMemberTimer(member);
    this.answerJoin(member, joinError(member.memberId, waiterError));
    this.answerSync(member, syncError(waiterError));
    group.remove(member.memberId);
    switch (group.state) {
      case 'Stable':
      case 'CompletingRebalance':
        return this.maybePrepareRebalance(group, reason);
      case 'PreparingRebalance':
        return this.tryCompleteJoin(group);
      default:
        return;
    }
  }

  private removePendingMember(group: Group, memberId: string, reason: string): void {
    this.log(`group ${group.groupId}: pending member ${memberId} dropped (${reason})`);
    group.clearPending(memberId);
    if (group.state === 'PreparingRebalance') this.tryCompleteJoin(group);
    this.forgetIfUnused(group);
  }

  protected scheduleHeartbeat(group: Group, member: Member, timeoutMs: number): void {
    this.clearMemberTimer(member);
    member.heartbeatTimer = this.timer(timeoutMs, () => this.onHeartbeatExpired(group, member));
  }

  private onHeartbeatExpired(group: Group, member: Member): void {
    member.heartbeatTimer = null;
    if (group.members.get(member.memberId) !== member) return;
    // A known member blocked in JoinGroup or SyncGroup is alive by definition; its timer restarts when
    // the rebalance answers it. A new member only gets the new-member join timeout.
    if (!member.isNew && (member.joinWaiter !== null || member.syncWaiter !== null)) return;
    this.removeMemberAndUpdateGroup(group, member, 'session timeout');
  }

  // ---------------------------------------------------------------- plumbing

  private storeGroup(group: Group): boolean {
    return this.append(group.groupId, [
      { key: encodeGroupMetadataKey(group.groupId), value: encodeGroupMetadataValue(group.toRecord()) },
    ]);
  }

  protected append(groupId: string, records: { key: Buffer; value: Buffer | null }[]): boolean {
    try {
      this.backend.append(records.map((r) => ({ key: r.key, value: r.value, groupId })));
      return true;
    } catch (err) {
      this.log(`group ${groupId}: writing to __consumer_offsets failed: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  /** Groups created by a join or commit that went nowhere leave no trace (Kafka's cleanup would drop them too). */
  protected forgetIfUnused(group: Group): void {
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

  protected dropGroup(group: Group): void {
    group.transition('Dead', this.now());
    this.clearTimers(group);
    if (this.groups.get(group.groupId) === group) this.groups.delete(group.groupId);
  }

  protected answerJoin(member: Member, answer: JoinGroupOutput): void {
    const waiter = member.joinWaiter;
    member.joinWaiter = null;
    waiter?.(answer);
  }

  protected answerSync(member: Member, answer: SyncGroupOutput): void {
    const waiter = member.syncWaiter;
    member.syncWaiter = null;
    waiter?.(answer);
  }

  private timer(ms: number, fn: () => void): Timer | null {
    if (this.closed) return null;
    const t = setTimeout(fn, Math.max(0, ms));
    t.unref?.();
    return t;
  }

  private clearTimer(group: Group, which: 'joinTimer' | 'syncTimer'): void {
    const t = group[which];
    if (t !== null) clearTimeout(t);
    group[which] = null;
  }

  private clearMemberTimer(member: Member): void {
    if (member.heartbeatTimer !== null) clearTimeout(member.heartbeatTimer);
    member.heartbeatTimer = null;
  }

  protected clearTimers(group: Group): void {
    this.clearTimer(group, 'joinTimer');
    this.clearTimer(group, 'syncTimer');
    for (const memberId of [...group.pendingMembers.keys()]) group.clearPending(memberId);
    for (const member of group.members.values()) this.clearMemberTimer(member);
  }
}
