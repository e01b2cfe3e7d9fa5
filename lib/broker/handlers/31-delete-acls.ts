// DeleteAcls: v0-1
//
// Behavior:
// * No authorizer (the default): every filter answers SECURITY_DISABLED, as Kafka does without
//   authorizer.class.name.
// * With `--authorizer`: the principal needs ALTER on the CLUSTER (each filter answers
//   CLUSTER_AUTHORIZATION_FAILED otherwise). Each filter removes the ACLs it selects (Kafka's filter
//   rules, acl/match.ts) and lists them; an ACL selected by several filters is listed under the first.
//   A filter with UNKNOWN codes is INVALID_REQUEST and removes nothing.
// * The store's `acls.json` is rewritten before the answer, once per request.
// * v1 adds the pattern type to filters and answers; a v0 filter is LITERAL.
import { AclOperation, AclResourceType, aclsOf, CLUSTER_RESOURCE_NAME, filterProblem, PatternType, type AclBindingFilter } from '../acl';
import { ApiKey, type DeleteAclsRequest, type DeleteAclsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { defineHandler } from './types';

type FilterResult = DeleteAclsResponse['filterResults'][number];

export default defineHandler<DeleteAclsRequest, DeleteAclsResponse>({
  key: ApiKey.DeleteAcls,
  min: 0,
  max: 1,
  handle(req, ctx) {
    const failed = (errorCode: number, errorMessage: string): FilterResult => ({ errorCode, errorMessage, matchingAcls: [] });
    const all = (errorCode: number, errorMessage: string): DeleteAclsResponse => ({
      throttleTimeMs: 0,
      filterResults: req.filters.map(() => failed(errorCode, errorMessage)),
    });
    if (!ctx.access.enabled) return all(ErrorCode.SECURITY_DISABLED, 'No Authorizer is configured on the broker');
    if (!ctx.access.allows(AclOperation.ALTER, AclResourceType.CLUSTER, CLUSTER_RESOURCE_NAME)) {
      return all(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    }
    const filters: AclBindingFilter[] = req.filters.map((f) => ({
      resourceType: f.resourceTypeFilter,
      resourceName: f.resourceNameFilter,
      patternType: f.patternTypeFilter ?? PatternType.LITERAL,
      principal: f.principalFilter,
      host: f.hostFilter,
      operation: f.operation,
      permission: f.permissionType,
    }));
    const problems = filters.map(filterProblem);
    const removed = aclsOf(ctx.runtime).remove(filters.filter((_, i) => problems[i] === null));
    let next = 0;
    return {
      throttleTimeMs: 0,
      filterResults: filters.map((_, i): FilterResult => {
        const problem = problems[i];
        if (problem) return failed(ErrorCode.INVALID_REQUEST, problem);
        return {
          errorCode: ErrorCode.NONE,
          errorMessage: null,
          matchingAcls: removed[next++]!.map((b) => ({
            errorCode: ErrorCode.NONE,
            errorMessage: null,
            resourceType: b.resourceType,
            resourceName: b.resourceName,
            patternType: b.patternType,
            principal: b.principal,
            host: b.host,
            operation: b.operation,
            permissionType: b.permission,
          })),
        };
      }),
    };
  },
});
