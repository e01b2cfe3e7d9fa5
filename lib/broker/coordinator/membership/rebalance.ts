// The rebalance itself, whatever started it: PreparingRebalance (waiting for members to rejoin, with
// the initial delay for a group that was empty), the end of the join phase that starts a new
// generation and answers every JoinGroup, and the sync deadline for members that never send
// SyncGroup. States: Empty -> PreparingRebalance -> CompletingRebalance -> Stable, and Dead once
// deleted.
import { ErrorCode } from '../../../common/kafka-error-codes';
import type { Group } from '../group';
import { currentJoinAnswer, syncError } from './answers';
import type { MembershipState } from './state';

/** Starts a rebalance unless one is already preparing (or the group is Dead). */
export function maybePrepareRebalance(s: MembershipState, group: Group, reason: string): void {
  if (group.state === 'Stable' || group.state === 'CompletingRebalance' || group.state === 'Empty') {
    prepareRebalance(s, group, reason);
  }
}

function prepareRebalance(s: MembershipState, group: Group, reason: string): void {
  if (group.state === 'CompletingRebalance') resetAndPropagateAssignmentError(s, group, ErrorCode.REBALANCE_IN_PROGRESS);
  s.clearTimer(group, 'syncTimer');
  group.pendingSyncMembers.clear();
  const wasEmpty = group.state === 'Empty';
  group.transition('PreparingRebalance', s.now());
  s.log(`group ${group.groupId}: preparing rebalance (${reason}), generation ${group.generationId}`);
  const rebalanceTimeoutMs = group.rebalanceTimeoutMs();
  s.clearTimer(group, 'joinTimer');
  if (wasEmpty) {
    // Wait a little for the other members that usually start together, so the first generation
    // does not rebalance once per member.
    group.initialDelayRemainingMs = Math.max(rebalanceTimeoutMs - s.initialRebalanceDelayMs, 0);
    group.newMemberAdded = false;
    group.joinTimer = s.timer(s.initialRebalanceDelayMs, () => onInitialDelayEnd(s, group));
  } else {
    group.joinTimer = s.timer(rebalanceTimeoutMs, () => completeJoin(s, group));
    tryCompleteJoin(s, group);
  }
}

function onInitialDelayEnd(s: MembershipState, group: Group): void {
  group.joinTimer = null;
  const remaining = group.initialDelayRemainingMs ?? 0;
  if (group.newMemberAdded && remaining > 0) {
    group.newMemberAdded = false;
    const delay = Math.min(s.initialRebalanceDelayMs, remaining);
    group.initialDelayRemainingMs = Math.max(remaining - s.initialRebalanceDelayMs, 0);
    group.joinTimer = s.timer(delay, () => onInitialDelayEnd(s, group));
    return;
  }
  completeJoin(s, group);
}

/** Ends the join phase early once every member has rejoined (and no initial delay is running). */
export function tryCompleteJoin(s: MembershipState, group: Group): void {
  if (group.state === 'PreparingRebalance' && !group.initialRebalanceDelayActive() && group.hasAllMembersJoined()) {
    completeJoin(s, group);
  }
}

/** The end of PreparingRebalance: drop members that did not rejoin, start the next generation. */
function completeJoin(s: MembershipState, group: Group): void {
  s.clearTimer(group, 'joinTimer');
  group.initialDelayRemainingMs = null;
  group.newMemberAdded = false;
  if (group.state !== 'PreparingRebalance') return;
  for (const member of [...group.members.values()]) {
    if (member.joinWaiter !== null) continue;
    s.log(`group ${group.groupId}: member ${member.memberId} did not rejoin in time, removed`);
    s.clearMemberTimer(member);
    s.answerSync(member, syncError(ErrorCode.UNKNOWN_MEMBER_ID));
    group.remove(member.memberId);
  }
  group.generationId += 1;
  if (group.members.size === 0) {
    group.protocolName = null;
    group.transition('Empty', s.now());
    s.log(`group ${group.groupId}: empty at generation ${group.generationId}`);
    s.storeGroup(group);
    s.forgetIfUnused(group);
    return;
  }
  group.protocolName = group.selectProtocol();
  group.transition('CompletingRebalance', s.now());
  s.log(`group ${group.groupId}: generation ${group.generationId} with ${group.members.size} member(s), protocol ${group.protocolName}`);
  for (const member of group.members.values()) {
    const answer = currentJoinAnswer(group, member);
    member.isNew = false;
    s.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
    group.pendingSyncMembers.add(member.memberId);
    s.answerJoin(member, answer);
  }
  group.syncTimer = s.timer(group.rebalanceTimeoutMs(), () => onSyncTimeout(s, group));
}

/** Members that got their JoinGroup answer but never sent SyncGroup are removed, and the rest rebalance. */
function onSyncTimeout(s: MembershipState, group: Group): void {
  group.syncTimer = null;
  if (group.state !== 'CompletingRebalance' && group.state !== 'Stable') return;
  if (group.pendingSyncMembers.size === 0) return;
  for (const memberId of [...group.pendingSyncMembers]) {
    const member = group.members.get(memberId);
    if (member !== undefined) {
      s.log(`group ${group.groupId}: member ${memberId} never sent SyncGroup, removed`);
      s.clearMemberTimer(member);
      group.remove(memberId);
    }
  }
  group.pendingSyncMembers.clear();
  maybePrepareRebalance(s, group, 'members failed to sync');
}

/** Forgets every assignment and answers waiting SyncGroups with `errorCode`. */
export function resetAndPropagateAssignmentError(s: MembershipState, group: Group, errorCode: number): void {
  for (const member of group.members.values()) {
    member.assignment = Buffer.alloc(0);
    if (member.syncWaiter !== null) {
      s.answerSync(member, syncError(errorCode));
      s.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
    }
  }
}
