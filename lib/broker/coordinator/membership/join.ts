// JoinGroup: a new member (given a member id first, from v4 on, per KIP-394), a known member
// rejoining, or a static member (group.instance.id) coming back. The answer waits until the
// rebalance the join starts or joins completes (rebalance.ts answers it). Deliberate differences
// from Kafka: the initial rebalance delay is extended by new members in any generation (Kafka only in
// generation 0), and a returning static member causes a rebalance instead of silently taking over.
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../../../common/kafka-error-codes';
import { Group, Member } from '../group';
import type { JoinGroupInput, JoinGroupOutput } from '../types';
import { currentJoinAnswer, fencedError, joinError } from './answers';
import { removeMemberAndUpdateGroup, removePendingMember } from './leave';
import { maybePrepareRebalance, tryCompleteJoin } from './rebalance';
import type { MembershipState } from './state';

type Respond = (a: JoinGroupOutput) => void;

export function handleJoin(s: MembershipState, req: JoinGroupInput, respond: Respond): void {
  if (s.closed) return respond(joinError(req.memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE));
  if (req.groupId === '') return respond(joinError(req.memberId, ErrorCode.INVALID_GROUP_ID));
  if (req.sessionTimeoutMs < s.minSessionTimeoutMs || req.sessionTimeoutMs > s.maxSessionTimeoutMs) {
    return respond(joinError(req.memberId, ErrorCode.INVALID_SESSION_TIMEOUT));
  }
  let group = s.groups.get(req.groupId);
  if (group === undefined) {
    if (req.memberId !== '') return respond(joinError(req.memberId, ErrorCode.UNKNOWN_MEMBER_ID));
    group = new Group(req.groupId);
    group.currentStateTimestamp = s.now();
    s.groups.set(req.groupId, group);
  }
  if (req.memberId === '') joinNewMember(s, group, req, respond);
  else joinCurrentMember(s, group, req, respond);
  if (group.state === 'PreparingRebalance') tryCompleteJoin(s, group);
  s.forgetIfUnused(group);
}

function joinNewMember(s: MembershipState, group: Group, req: JoinGroupInput, respond: Respond): void {
  if (group.state === 'Dead') return respond(joinError('', ErrorCode.COORDINATOR_NOT_AVAILABLE));
  if (!group.supportsProtocols(req.protocolType, req.protocols, '')) {
    return respond(joinError('', ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
  }
  const instanceId = req.groupInstanceId ?? null;
  const memberId = `${instanceId ?? req.clientId}-${randomUUID()}`;
  if (instanceId !== null) {
    const previous = group.memberByInstanceId(instanceId);
    if (previous !== undefined) {
      removeMemberAndUpdateGroup(s, group, previous, `static instance ${instanceId} rejoined`, ErrorCode.FENCED_INSTANCE_ID);
    }
  } else if (req.apiVersion >= 4) {
    // Hand out a member id and wait for the client to come back with it (KIP-394).
    group.clearPending(memberId);
    const g = group;
    group.pendingMembers.set(
      memberId,
      s.timer(req.sessionTimeoutMs, () => removePendingMember(s, g, memberId, 'never rejoined')),
    );
    return respond(joinError(memberId, ErrorCode.MEMBER_ID_REQUIRED));
  }
  addMemberAndRebalance(s, group, memberId, req, respond);
}

function joinCurrentMember(s: MembershipState, group: Group, req: JoinGroupInput, respond: Respond): void {
  const memberId = req.memberId;
  if (group.state === 'Dead') return respond(joinError(memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE));
  if (!group.supportsProtocols(req.protocolType, req.protocols, memberId)) {
    return respond(joinError(memberId, ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
  }
  if (group.pendingMembers.has(memberId)) return addMemberAndRebalance(s, group, memberId, req, respond);

  const fenced = fencedError(group, memberId, req.groupInstanceId ?? null);
  if (fenced !== null) return respond(joinError(memberId, fenced));
  const member = group.members.get(memberId);
  if (member === undefined) return respond(joinError(memberId, ErrorCode.UNKNOWN_MEMBER_ID));

  switch (group.state) {
    case 'PreparingRebalance':
      return updateMemberAndRebalance(s, group, member, req, respond);
    case 'CompletingRebalance':
      // The same offer again (it probably lost our answer): repeat this generation's answer.
      if (member.matches(req.protocols)) return respond(currentJoinAnswer(group, member));
      return updateMemberAndRebalance(s, group, member, req, respond);
    case 'Stable':
      // A leader's rejoin always rebalances (it may have seen topic changes); a follower only when
      // its offer changed.
      if (group.isLeader(memberId) || !member.matches(req.protocols)) {
        return updateMemberAndRebalance(s, group, member, req, respond);
      }
      return respond(currentJoinAnswer(group, member));
    default:
      return respond(joinError(memberId, ErrorCode.UNKNOWN_MEMBER_ID));
  }
}

function addMemberAndRebalance(s: MembershipState, group: Group, memberId: string, req: JoinGroupInput, respond: Respond): void {
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
  s.scheduleHeartbeat(group, member, s.newMemberJoinTimeoutMs);
  s.log(`group ${group.groupId}: member ${memberId} joined`);
  maybePrepareRebalance(s, group, `new member ${memberId} joined`);
}

function updateMemberAndRebalance(s: MembershipState, group: Group, member: Member, req: JoinGroupInput, respond: Respond): void {
  // A second JoinGroup from the same member replaces the first; answer the first so it cannot hang.
  s.answerJoin(member, joinError(member.memberId, ErrorCode.REBALANCE_IN_PROGRESS));
  member.protocols = req.protocols;
  member.sessionTimeoutMs = req.sessionTimeoutMs;
  if (req.rebalanceTimeoutMs !== undefined && req.rebalanceTimeoutMs >= 0) member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
  member.clientId = req.clientId;
  member.clientHost = req.clientHost;
  member.joinWaiter = respond;
  maybePrepareRebalance(s, group, `member ${member.memberId} rejoined`);
}
