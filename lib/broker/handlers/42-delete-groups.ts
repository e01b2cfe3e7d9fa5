// DeleteGroups: v0-1
//
// Behavior:
// * Each group is deleted by its coordinator; asked elsewhere it gets NOT_COORDINATOR (or
//   COORDINATOR_NOT_AVAILABLE).
// * Only an Empty group may go: NON_EMPTY_GROUP while members remain, GROUP_ID_NOT_FOUND for a group
//   that does not exist.
// * Its committed offsets and metadata are tombstoned in `__consumer_offsets`, so they stay gone
//   after a restart.
// * With an authorizer: DELETE on each group, else GROUP_AUTHORIZATION_FAILED in its entry.
import { groupsOf } from '../groups';
import { ApiKey, type DeleteGroupsRequest, type DeleteGroupsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, groupCheck } from './authorize';
import { defineHandler } from './types';

export default defineHandler<DeleteGroupsRequest, DeleteGroupsResponse>({
  key: ApiKey.DeleteGroups,
  min: 0,
  max: 1,
  async handle(req, ctx) {
    const groups = await groupsOf(ctx.runtime);
    return {
      throttleTimeMs: 0,
      results: req.groupsNames.map((groupId) => {
        const errorCode = groupCheck(ctx, groups, groupId, AclOperation.DELETE);
        if (errorCode !== ErrorCode.NONE) return { groupId, errorCode };
        return groups.coordinator.deleteGroups([groupId])[0]!;
      }),
    };
  },
});
