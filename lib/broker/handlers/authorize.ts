// The authorization checks handlers share, in Kafka's order: a group request is first checked against
// the group's ACLs (GROUP_AUTHORIZATION_FAILED) and only then routed to its coordinator; topic and
// cluster checks are one call each. With no authorizer every check passes at no cost (acl/access.ts).
import { AclOperation, AclResourceType, CLUSTER_RESOURCE_NAME } from '../acl';
import type { GroupsService } from '../groups';
import { ErrorCode } from '../../common/kafka-error-codes';
import type { HandlerContext } from './types';

export { AclOperation };

/** May the request's principal do `operation` on topic `name`? `quiet`: no log line if not. */
export function topicAllowed(ctx: HandlerContext, operation: number, name: string, quiet = false): boolean {
  return ctx.access.allows(operation, AclResourceType.TOPIC, name, quiet);
}

/** May the request's principal do `operation` on the cluster? */
export function clusterAllowed(ctx: HandlerContext, operation: number, quiet = false): boolean {
  return ctx.access.allows(operation, AclResourceType.CLUSTER, CLUSTER_RESOURCE_NAME, quiet);
}

/** May the request's principal do `operation` on group `groupId`? */
export function groupAllowed(ctx: HandlerContext, operation: number, groupId: string, quiet = false): boolean {
  return ctx.access.allows(operation, AclResourceType.GROUP, groupId, quiet);
}

/** GROUP_AUTHORIZATION_FAILED, else the coordinator check (NONE, NOT_COORDINATOR, ...). */
export function groupCheck(ctx: HandlerContext, groups: GroupsService, groupId: string, operation: number = AclOperation.READ): number {
  if (!groupAllowed(ctx, operation, groupId)) return ErrorCode.GROUP_AUTHORIZATION_FAILED;
  return groups.check(ctx, groupId);
}
