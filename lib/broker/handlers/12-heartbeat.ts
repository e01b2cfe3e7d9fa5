// Heartbeat: v0-3
//
// Behavior:
// * Served by the group's coordinator only (NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE otherwise).
// * Keeps a member's session alive; REBALANCE_IN_PROGRESS is how members learn they must rejoin;
//   UNKNOWN_MEMBER_ID for members the session timeout expelled, ILLEGAL_GENERATION for old ones.
// * v3 adds group.instance.id.
// * With an authorizer: READ on the group first, else GROUP_AUTHORIZATION_FAILED.
import { groupsOf } from '../groups';
import { ApiKey, type HeartbeatRequest, type HeartbeatResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { groupCheck } from './authorize';
import { defineHandler } from './types';

export default defineHandler<HeartbeatRequest, HeartbeatResponse>({
  key: ApiKey.Heartbeat,
  min: 0,
  max: 3,
  async handle(req, ctx) {
    const groups = await groupsOf(ctx.runtime);
    const errorCode = groupCheck(ctx, groups, req.groupId);
    if (errorCode !== ErrorCode.NONE) return { throttleTimeMs: 0, errorCode };
    const out = groups.coordinator.heartbeat({
      groupId: req.groupId,
      generationId: req.generationId,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId ?? null,
    });
    return { throttleTimeMs: 0, errorCode: out.errorCode };
  },
});
