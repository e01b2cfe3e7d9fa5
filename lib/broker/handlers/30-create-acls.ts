// CreateAcls: v0-1
//
// Behavior:
// * No authorizer (the default): every creation answers SECURITY_DISABLED, as Kafka does without
//   authorizer.class.name.
// * With `--authorizer`: the principal needs ALTER on the CLUSTER (each creation answers
//   CLUSTER_AUTHORIZATION_FAILED otherwise). Each binding is checked on its own (acl/match.ts):
//   specific resource type, operation and permission, LITERAL or PREFIXED pattern, a non-empty name
//   ("kafka-cluster" for CLUSTER), a "Type:name" principal; a bad one is INVALID_REQUEST with Kafka's
//   message and the others are still created.
// * Created ACLs are written to the store's `acls.json` before the answer, once per request, and an
//   ACL that already exists is kept once. They take effect on the next request.
// * v1 adds the resource pattern type; v0 creates LITERAL ACLs.
import { AclOperation, AclResourceType, aclsOf, bindingProblem, CLUSTER_RESOURCE_NAME, PatternType, type AclBinding } from '../acl';
import { ApiKey, type CreateAclsRequest, type CreateAclsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { defineHandler } from './types';

export default defineHandler<CreateAclsRequest, CreateAclsResponse>({
  key: ApiKey.CreateAcls,
  min: 0,
  max: 1,
  handle(req, ctx) {
    const all = (errorCode: number, errorMessage: string): CreateAclsResponse => ({
      throttleTimeMs: 0,
      results: req.creations.map(() => ({ errorCode, errorMessage })),
    });
    if (!ctx.access.enabled) return all(ErrorCode.SECURITY_DISABLED, 'No Authorizer is configured on the broker');
    if (!ctx.access.allows(AclOperation.ALTER, AclResourceType.CLUSTER, CLUSTER_RESOURCE_NAME)) {
      return all(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    }
    const accepted: AclBinding[] = [];
    const results = req.creations.map((c) => {
      const binding: AclBinding = {
        resourceType: c.resourceType,
        resourceName: c.resourceName,
        patternType: c.resourcePatternType ?? PatternType.LITERAL,
        principal: c.principal,
        host: c.host,
        operation: c.operation,
        permission: c.permissionType,
      };
      const problem = bindingProblem(binding);
      if (problem) return { errorCode: ErrorCode.INVALID_REQUEST as number, errorMessage: problem };
      accepted.push(binding);
      return { errorCode: ErrorCode.NONE as number, errorMessage: null };
    });
    aclsOf(ctx.runtime).add(accepted);
    return { throttleTimeMs: 0, results };
  },
});
