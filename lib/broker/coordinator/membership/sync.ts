// SyncGroup: every member of a new generation asks for its assignment; the leader's request carries
// them all. Followers that arrive first wait; the leader's assignment is written to
// `__consumer_offsets` before anyone is answered, and the group becomes Stable.
import { ErrorCode } from '../../../common/kafka-error-codes';
import type { Group } from '../group';
import type { SyncGroupInput, SyncGroupOutput } from '../types';
import { fencedError, syncAnswer, syncError } from './answers';
import { maybePrepareRebalance, resetAndPropagateAssignmentError } from './rebalance';
import type { MembershipState } from './state';

export function handleSync(s: MembershipState, req: SyncGroupInput, respond: (a: SyncGroupOutput) => void): void {
  if (s.closed) return respond(syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE));
  if (req.groupId === '') return respond(syncError(ErrorCode.INVALID_GROUP_ID));
  const group = s.groups.get(req.groupId);
  if (group === undefined) return respond(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
  if (group.state === 'Dead') return respond(syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE));
  const fenced = fencedError(group, req.memberId, req.groupInstanceId ?? null);
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
      markSynced(s, group, req.memberId);
      s.answerSync(member, syncError(ErrorCode.REBALANCE_IN_PROGRESS));
      member.syncWaiter = respond;
      s.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
      if (group.isLeader(req.memberId)) applyLeaderAssignment(s, group, req.assignments);
      return;
    }
    case 'Stable':
      markSynced(s, group, req.memberId);
      s.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
      return respond(syncAnswer(group, member));
    default:
      return respond(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
  }
}

function markSynced(s: MembershipState, group: Group, memberId: string): void {
  group.pendingSyncMembers.delete(memberId);
  if (group.pendingSyncMembers.size === 0) s.clearTimer(group, 'syncTimer');
}

function applyLeaderAssignment(s: MembershipState, group: Group, assignments: SyncGroupInput['assignments']): void {
  const byMember = new Map(assignments.map((a) => [a.memberId, a.assignment]));
  for (const member of group.members.values()) member.assignment = byMember.get(member.memberId) ?? Buffer.alloc(0);
  if (!s.storeGroup(group)) {
    resetAndPropagateAssignmentError(s, group, ErrorCode.COORDINATOR_NOT_AVAILABLE);
    maybePrepareRebalance(s, group, 'group metadata could not be written');
    return;
  }
  group.transition('Stable', s.now());
  s.log(`group ${group.groupId}: stable at generation ${group.generationId}`);
  for (const member of group.members.values()) {
    if (member.syncWaiter === null) continue;
    s.answerSync(member, syncAnswer(group, member));
    s.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
  }
}
