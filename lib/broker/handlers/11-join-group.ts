// JoinGroup: v0-5
//
// Behavior:
// * Served by the group's coordinator only (NOT_COORDINATOR elsewhere, COORDINATOR_NOT_AVAILABLE when
//   its `__consumer_offsets` partition has no leader).
// * The answer waits for the rebalance to complete (a short initial delay for a new group, then
//   until every known member has rejoined or the rebalance timeout expels the rest).
// * v4+: a first join without a member id gets MEMBER_ID_REQUIRED with the id to come back with.
// * v0 has no rebalance timeout (the session timeout is used); v5 adds group.instance.id.
// * The leader's answer lists every member with its metadata for the chosen protocol.
// * With an authorizer: READ on the group first, else GROUP_AUTHORIZATION_FAILED.
import { clientHost, groupsOf } from '../groups';
import { ApiKey, type JoinGroupRequest, type JoinGroupResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { groupCheck } from './authorize';
import { defineHandler } from './types';

export default defineHandler<JoinGroupRequest, JoinGroupResponse>({
  key: ApiKey.JoinGroup,
  min: 0,
  max: 5,
  async handle(req, ctx) {
    const groups = await groupsOf(ctx.runtime);
    const errorCode = groupCheck(ctx, groups, req.groupId);
    if (errorCode !== ErrorCode.NONE) {
      return { throttleTimeMs: 0, errorCode, generationId: -1, protocolName: '', leader: '', memberId: req.memberId, members: [] };
    }
    const out = await groups.coordinator.joinGroup({
      groupId: req.groupId,
      apiVersion: ctx.version,
      sessionTimeoutMs: req.sessionTimeoutMs,
      rebalanceTimeoutMs: req.rebalanceTimeoutMs,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId ?? null,
      protocolType: req.protocolType,
      protocols: req.protocols.map((p) => ({ name: p.name, metadata: p.metadata })),
      clientId: ctx.header.clientId ?? '',
      clientHost: clientHost(ctx.conn.remote),
    });
    return {
      throttleTimeMs: 0,
      errorCode: out.errorCode,
      generationId: out.generationId,
      protocolName: out.protocolName ?? '',
      leader: out.leader,
      memberId: out.memberId,
      members: out.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadata })),
    };
  },
});
