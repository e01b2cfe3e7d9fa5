// The authorization decision, as a pure function of the ACLs, the request and the super users, so it
// can be tested without a broker. Kafka's rules (AclAuthorizer, allow.everyone.if.no.acl.found=false):
// * super users may do everything;
// * the ACLs that apply to a resource are the LITERAL ones with its name or "*", and the PREFIXED ones
//   whose name starts it; one applies to a request when its principal is the requester's or "User:*"
//   and its host is the requester's or "*";
// * an applicable DENY for the operation (or for ALL) refuses, whatever allows it: deny wins;
// * otherwise an applicable ALLOW for the operation, for ALL, or for an operation that implies it
//   (READ, WRITE, DELETE and ALTER imply DESCRIBE; ALTER_CONFIGS implies DESCRIBE_CONFIGS) permits;
// * no applicable ALLOW (including no ACL at all on the resource) refuses.
import { AclOperation, AclPermission, PatternType, WILDCARD, WILDCARD_PRINCIPAL, type AclBinding } from './types';

export interface AuthRequest {
  /** "User:alice", or "User:ANONYMOUS" for an unauthenticated connection. */
  principal: string;
  /** The client's IP address. */
  host: string;
  operation: number;
  resourceType: number;
  resourceName: string;
}

/** Operations whose ALLOW also allows `operation`, besides itself and ALL. */
function allowingOperations(operation: number): readonly number[] {
  switch (operation) {
    case AclOperation.DESCRIBE:
      return [AclOperation.DESCRIBE, AclOperation.READ, AclOperation.WRITE, AclOperation.DELETE, AclOperation.ALTER];
    case AclOperation.DESCRIBE_CONFIGS:
      return [AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS];
    default:
      return [operation];
  }
}

/** Whether binding `b`'s resource pattern covers the named resource. */
export function patternApplies(b: AclBinding, resourceType: number, resourceName: string): boolean {
  if (b.resourceType !== resourceType) return false;
  if (b.patternType === PatternType.LITERAL) return b.resourceName === resourceName || b.resourceName === WILDCARD;
  if (b.patternType === PatternType.PREFIXED) return resourceName.startsWith(b.resourceName);
  return false;
}

function entryApplies(b: AclBinding, principal: string, host: string): boolean {
  return (b.principal === principal || b.principal === WILDCARD_PRINCIPAL) && (b.host === host || b.host === WILDCARD);
}

export function isSuperUser(principal: string, superUsers: ReadonlySet<string>): boolean {
  return superUsers.has(principal) || superUsers.has(WILDCARD_PRINCIPAL);
}

/** Kafka's answer to "may `req.principal` from `req.host` do `req.operation` on this resource?". */
export function authorize(acls: readonly AclBinding[], req: AuthRequest, superUsers: ReadonlySet<string>): boolean {
  if (isSuperUser(req.principal, superUsers)) return true;
  const allowing = allowingOperations(req.operation);
  let allowed = false;
  for (const b of acls) {
    if (!patternApplies(b, req.resourceType, req.resourceName) || !entryApplies(b, req.principal, req.host)) continue;
    if (b.permission === AclPermission.DENY) {
      if (b.operation === req.operation || b.operation === AclOperation.ALL) return false;
    } else if (b.permission === AclPermission.ALLOW) {
      if (b.operation === AclOperation.ALL || allowing.includes(b.operation)) allowed = true;
    }
  }
  return allowed;
}

/**
 * Whether the principal may do `operation` on at least one resource of the type (Kafka's
 * authorizeByResourceType, which InitProducerId asks for WRITE on any topic): some ALLOW for the
 * operation or ALL must name a pattern that no DENY covers, and a DENY on the "*" literal refuses all.
 */
export function authorizeAnyOfType(
  acls: readonly AclBinding[],
  req: Omit<AuthRequest, 'resourceName'>,
  superUsers: ReadonlySet<string>,
): boolean {
  if (isSuperUser(req.principal, superUsers)) return true;
  const relevant = acls.filter(
    (b) =>
      b.resourceType === req.resourceType &&
      entryApplies(b, req.principal, req.host) &&
      (b.operation === req.operation || b.operation === AclOperation.ALL),
  );
  const denies = relevant.filter((b) => b.permission === AclPermission.DENY);
  const denyLiterals = new Set(denies.filter((b) => b.patternType === PatternType.LITERAL).map((b) => b.resourceName));
  const denyPrefixes = denies.filter((b) => b.patternType === PatternType.PREFIXED).map((b) => b.resourceName);
  if (denyLiterals.has(WILDCARD)) return false;
  const coveredByDenyPrefix = (name: string) => denyPrefixes.some((p) => name.startsWith(p));
  return relevant.some((b) => {
    if (b.permission !== AclPermission.ALLOW) return false;
    if (b.patternType === PatternType.PREFIXED) return !coveredByDenyPrefix(b.resourceName);
    return b.resourceName === WILDCARD || (!denyLiterals.has(b.resourceName) && !coveredByDenyPrefix(b.resourceName));
  });
}
