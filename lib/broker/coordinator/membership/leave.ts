// Members going away, however they go: LeaveGroup (by member id, or by group instance id for an
// administrative removal), a session that expired, a static member fenced by its own rejoin, or a
// member id handed out (KIP-394) that never came back. Whoever leaves a working group starts a
// rebalance; leaving a preparing one may let it complete.
import { ErrorCode } from '../../../common/kafka-error-codes';
import type { Group, Member } from '../group';
import type { LeaveGroupOutput, LeavingMember } from '../types';
import { fencedError, joinError, syncError } from './answers';
import { maybePrepareRebalance, tryCompleteJoin } from './rebalance';
import type { MembershipState } from './state';

export function leaveGroup(s: MembershipState, groupId: string, members: LeavingMember[]): LeaveGroupOutput {
  if (groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID, members: [] };
  const group = s.groups.get(groupId);
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
      removeMemberAndUpdateGroup(s, group, member, 'removed by group instance id');
      return answer(leaving, ErrorCode.NONE);
    }
    if (group.pendingMembers.has(leaving.memberId)) {
      removePendingMember(s, group, leaving.memberId, 'left');
      return answer(leaving, ErrorCode.NONE);
    }
    const fenced = fencedError(group, leaving.memberId, leaving.groupInstanceId);
    if (fenced !== null) return answer(leaving, fenced);
    const member = group.members.get(leaving.memberId);
    if (member === undefined) return answer(leaving, ErrorCode.UNKNOWN_MEMBER_ID);
    removeMemberAndUpdateGroup(s, group, member, 'left the group');
    return answer(leaving, ErrorCode.NONE);
  });
  s.forgetIfUnused(group);
  return { errorCode: ErrorCode.NONE, members: results };
}

/** Removes a member, answering any JoinGroup/SyncGroup it waits in with `waiterError`. */
export function removeMemberAndUpdateGroup(
  s: MembershipState,
  group: Group,
  member: Member,
  reason: string,
  waiterError: number = ErrorCode.UNKNOWN_MEMBER_ID,
): void {
  s.log(`group ${group.groupId}: member ${member.memberId} removed (${reason})`);
  s.clearMemberTimer(member);
  s.answerJoin(member, joinError(member.memberId, waiterError));
  s.answerSync(member, syncError(waiterError));
  group.remove(member.memberId);
  switch (group.state) {
    case 'Stable':
    case 'CompletingRebalance':
      return maybePrepareRebalance(s, group, reason);
    case 'PreparingRebalance':
      return tryCompleteJoin(s, group);
    default:
      return;
  }
}

export function removePendingMember(s: MembershipState, group: Group, memberId: string, reason: string): void {
  s.log(`group ${group.groupId}: pending member ${memberId} dropped (${reason})`);
  group.clearPending(memberId);
  if (group.state === 'PreparingRebalance') tryCompleteJoin(s, group);
  s.forgetIfUnused(group);
}
