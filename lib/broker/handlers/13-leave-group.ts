// LeaveGroup: v0-1
//
// Behavior:
// * Served by the group's coordinator only (NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE otherwise).
// * The member leaves at once and the rest rebalance (no waiting for its session to time out).
// * One member per request in v0-1, so the answer carries one error: UNKNOWN_MEMBER_ID for a member
//   the group does not know.
// * With an authorizer: READ on the group first, else GROUP_AUTHORIZATION_FAILED.
import { groupsOf } from '../groups';
import { leaveGroupLegacyError } from '../coordinator';
import { ApiKey, type LeaveGroupRequest, type LeaveGroupResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { groupCheck } from './authorize';
import { defineHandler } from './types';

export default defineHandler<LeaveGroupRequest, LeaveGroupResponse>({
  key: ApiKey.LeaveGroup,
  min: 0,
  max: 1,
  async handle(req, ctx) {
    const groups = await groupsOf(ctx.runtime);
    const errorCode = groupCheck(ctx, groups, req.groupId);
    if (errorCode !== ErrorCode.NONE) return { throttleTimeMs: 0, errorCode };
    const out = groups.coordinator.leaveGroup(req.groupId, [{ memberId: req.memberId ?? '', groupInstanceId: null }]);
    return { throttleTimeMs: 0, errorCode: leaveGroupLegacyError(out) };
  },
});
