// Liveness: Heartbeat keeps a member's session alive (and is how members learn a rebalance has
// started), and a session that runs out removes the member — except one blocked in JoinGroup or
// SyncGroup, which is alive by definition.
import { ErrorCode } from '../../../common/kafka-error-codes';
import type { Group, Member } from '../group';
import type { HeartbeatInput } from '../types';
import { fencedError } from './answers';
import { removeMemberAndUpdateGroup } from './leave';
import type { MembershipState } from './state';

export function heartbeat(s: MembershipState, req: HeartbeatInput): { errorCode: number } {
  if (req.groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID };
  const group = s.groups.get(req.groupId);
  if (group === undefined) return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID };
  if (group.state === 'Dead') return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE };
  const fenced = fencedError(group, req.memberId, req.groupInstanceId ?? null);
  if (fenced !== null) return { errorCode: fenced };
  const member = group.members.get(req.memberId);
  if (member === undefined) return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID };
  if (req.generationId !== group.generationId) return { errorCode: ErrorCode.ILLEGAL_GENERATION };
  switch (group.state) {
    case 'CompletingRebalance':
    case 'Stable':
      s.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
      return { errorCode: ErrorCode.NONE };
    case 'PreparingRebalance':
      // The way members learn they must rejoin.
      s.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
      return { errorCode: ErrorCode.REBALANCE_IN_PROGRESS };
    default:
      return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID };
  }
}

/** A member's session timer fired. */
export function onSessionExpired(s: MembershipState, group: Group, member: Member): void {
  member.heartbeatTimer = null;
  if (group.members.get(member.memberId) !== member) return;
  // A known member blocked in JoinGroup or SyncGroup is alive by definition; its timer restarts when
  // the rebalance answers it. A new member only gets the new-member join timeout.
  if (!member.isNew && (member.joinWaiter !== null || member.syncWaiter !== null)) return;
  removeMemberAndUpdateGroup(s, group, member, 'session timeout');
}
