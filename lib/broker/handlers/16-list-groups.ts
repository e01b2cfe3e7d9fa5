// ListGroups: v0-2
//
// Behavior:
// * Like each Kafka broker, a node lists the groups it coordinates (clients ask every node and
//   merge), so no group is listed twice.
// * Deleted groups are not listed; groups that only hold committed offsets are (protocol type "").
// * With an authorizer: DESCRIBE on the CLUSTER lists every group; otherwise only the groups the
//   principal may DESCRIBE, as Kafka does.
import { groupsOf } from '../groups';
import { ApiKey, type ListGroupsRequest, type ListGroupsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, clusterAllowed, groupAllowed } from './authorize';
import { defineHandler } from './types';

export default defineHandler<ListGroupsRequest, ListGroupsResponse>({
  key: ApiKey.ListGroups,
  min: 0,
  max: 2,
  async handle(_req, ctx) {
    const groups = await groupsOf(ctx.runtime);
    const seesAll = clusterAllowed(ctx, AclOperation.DESCRIBE, true);
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      groups: groups.coordinator
        .listGroups()
        .filter((g) => groups.check(ctx, g.groupId) === ErrorCode.NONE)
        .filter((g) => seesAll || groupAllowed(ctx, AclOperation.DESCRIBE, g.groupId, true))
        .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType })),
    };
  },
});
