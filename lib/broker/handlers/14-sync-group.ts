// SyncGroup: v0-3
//
// Behavior:
// * Served by the group's coordinator only (NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE otherwise).
// * Followers wait until the leader sends the assignments; everyone then gets their own.
// * REBALANCE_IN_PROGRESS while a new rebalance runs, UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION as Kafka.
// * v3 adds group.instance.id (static members are fenced with FENCED_INSTANCE_ID).
// * With an authorizer: READ on the group first, else GROUP_AUTHORIZATION_FAILED.
import { groupsOf } from '../groups';
import { ApiKey, type SyncGroupRequest, type SyncGroupResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { groupCheck } from './authorize';
import { defineHandler } from './types';

export default defineHandler<SyncGroupRequest, SyncGroupResponse>({
  key: ApiKey.SyncGroup,
  min: 0,
  max: 3,
  async handle(req, ctx) {
    const groups = await groupsOf(ctx.runtime);
    const errorCode = groupCheck(ctx, groups, req.groupId);
    if (errorCode !== ErrorCode.NONE) return { throttleTimeMs: 0, errorCode, assignment: Buffer.alloc(0) };
    const out = await groups.coordinator.syncGroup({
      groupId: req.groupId,
      generationId: req.generationId,
      memberId: req.memberId,
      groupInstanceId: req.groupInstanceId ?? null,
      assignments: req.assignments.map((a) => ({ memberId: a.memberId, assignment: a.assignment })),
    });
    return { throttleTimeMs: 0, errorCode: out.errorCode, assignment: out.assignment };
  },
});
