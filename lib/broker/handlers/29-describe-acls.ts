// DescribeAcls: v0-1
//
// Behavior:
// * No authorizer (the default): SECURITY_DISABLED, "No Authorizer is configured on the broker", as
//   Kafka answers without authorizer.class.name — how consoles tell "ACLs are off" from "no ACLs".
// * With `--authorizer`: the principal needs DESCRIBE on the CLUSTER (CLUSTER_AUTHORIZATION_FAILED
//   otherwise; super users always may). The filter selects ACLs by Kafka's rules (acl/match.ts): ANY
//   codes and null strings match everything, MATCH selects what applies to a resource name; the
//   answer groups them by resource pattern.
// * A filter with UNKNOWN codes is INVALID_REQUEST.
// * v1 adds the pattern type (LITERAL/PREFIXED/ANY/MATCH); a v0 filter is LITERAL.
import { AclOperation, AclResourceType, aclsOf, CLUSTER_RESOURCE_NAME, filterProblem, PatternType, type AclBinding } from '../acl';
import { ApiKey, type DescribeAclsRequest, type DescribeAclsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { defineHandler } from './types';

export default defineHandler<DescribeAclsRequest, DescribeAclsResponse>({
  key: ApiKey.DescribeAcls,
  min: 0,
  max: 1,
  handle(req, ctx) {
    const fail = (errorCode: number, errorMessage: string): DescribeAclsResponse => ({ throttleTimeMs: 0, errorCode, errorMessage, resources: [] });
    if (!ctx.access.enabled) return fail(ErrorCode.SECURITY_DISABLED, 'No Authorizer is configured on the broker');
    if (!ctx.access.allows(AclOperation.DESCRIBE, AclResourceType.CLUSTER, CLUSTER_RESOURCE_NAME)) {
      return fail(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    }
    const filter = {
      resourceType: req.resourceTypeFilter,
      resourceName: req.resourceNameFilter,
      patternType: req.patternTypeFilter ?? PatternType.LITERAL,
      principal: req.principalFilter,
      host: req.hostFilter,
      operation: req.operation,
      permission: req.permissionType,
    };
    const problem = filterProblem(filter);
    if (problem) return fail(ErrorCode.INVALID_REQUEST, problem);
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, resources: byResource(aclsOf(ctx.runtime).matching(filter)) };
  },
});

function byResource(bindings: AclBinding[]): DescribeAclsResponse['resources'] {
  const out = new Map<string, DescribeAclsResponse['resources'][number]>();
  for (const b of bindings) {
    const key = `${b.resourceType}\0${b.patternType}\0${b.resourceName}`;
    let r = out.get(key);
    if (!r) out.set(key, (r = { resourceType: b.resourceType, resourceName: b.resourceName, patternType: b.patternType, acls: [] }));
    r.acls.push({ principal: b.principal, host: b.host, operation: b.operation, permissionType: b.permission });
  }
  return [...out.values()];
}
