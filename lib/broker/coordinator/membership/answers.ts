// The answers JoinGroup and SyncGroup give, and the static-membership fencing check every request
// makes first: small pure functions the protocol steps share.
import { ErrorCode } from '../../../common/kafka-error-codes';
import type { Group, Member } from '../group';
import type { JoinGroupOutput, SyncGroupOutput } from '../types';

export function joinError(memberId: string, errorCode: number): JoinGroupOutput {
  return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] };
}

export function syncError(errorCode: number): SyncGroupOutput {
  return { errorCode, protocolType: null, protocolName: null, assignment: Buffer.alloc(0) };
}

/** This generation's JoinGroup answer for `member` (the leader also gets every member's metadata). */
export function currentJoinAnswer(group: Group, member: Member): JoinGroupOutput {
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

export function syncAnswer(group: Group, member: Member): SyncGroupOutput {
  return {
    errorCode: ErrorCode.NONE,
    protocolType: group.protocolType,
    protocolName: group.protocolName,
    assignment: member.assignment,
  };
}

/** FENCED_INSTANCE_ID when `groupInstanceId` belongs to another member id, else null. */
export function fencedError(group: Group, memberId: string, groupInstanceId: string | null): number | null {
  if (groupInstanceId === null) return null;
  const current = group.memberByInstanceId(groupInstanceId);
  return current !== undefined && current.memberId !== memberId ? ErrorCode.FENCED_INSTANCE_ID : null;
}
