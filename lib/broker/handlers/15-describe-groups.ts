// DescribeGroups: v0-2
//
// Behavior:
// * Each group is described by its coordinator; asked elsewhere it gets NOT_COORDINATOR (or
//   COORDINATOR_NOT_AVAILABLE) in its own entry.
// * Members with client id, client host, and (when Stable) their metadata and assignment bytes.
// * An unknown group is state "Dead" with error 0, as Kafka answers.
// * With an authorizer: DESCRIBE on each group, else GROUP_AUTHORIZATION_FAILED in its entry.
import { groupsOf } from '../groups';
import { ApiKey, type DescribeGroupsRequest, type DescribeGroupsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, groupCheck } from './authorize';
import { defineHandler } from './types';

export default defineHandler<DescribeGroupsRequest, DescribeGroupsResponse>({
  key: ApiKey.DescribeGroups,
  min: 0,
  max: 2,
  async handle(req, ctx) {
    const groups = await groupsOf(ctx.runtime);
    return {
      throttleTimeMs: 0,
      groups: req.groups.map((groupId) => {
        const errorCode = groupCheck(ctx, groups, groupId, AclOperation.DESCRIBE);
        if (errorCode !== ErrorCode.NONE) {
          return { errorCode, groupId, groupState: '', protocolType: '', protocolData: '', members: [] };
        }
        const g = groups.coordinator.describeGroup(groupId);
        return {
          errorCode: g.errorCode,
          groupId: g.groupId,
          groupState: g.groupState,
          protocolType: g.protocolType,
          protocolData: g.protocolData,
          members: g.members.map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            clientId: m.clientId,
            clientHost: m.clientHost,
            memberMetadata: m.memberMetadata,
            memberAssignment: m.memberAssignment,
          })),
        };
      }),
    };
  },
});
