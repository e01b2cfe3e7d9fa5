// Which bindings a filter selects (DescribeAcls, DeleteAcls) and whether a binding may be created
// (CreateAcls), by Kafka's rules: a filter's ANY codes and null strings match everything; a LITERAL or
// PREFIXED filter selects bindings of that pattern type with exactly that name; a MATCH filter
// selects every binding that would apply to the named resource (the literal name, the "*" wildcard
// and every prefix of it); principals and hosts are compared exactly, with no wildcard expansion.
import {
  AclOperation,
  AclPermission,
  AclResourceType,
  CLUSTER_RESOURCE_NAME,
  PatternType,
  WILDCARD,
  type AclBinding,
  type AclBindingFilter,
} from './types';

const known = (table: Readonly<Record<string, number>>, code: number) => Object.values(table).includes(code);

export function filterMatches(f: AclBindingFilter, b: AclBinding): boolean {
  if (f.resourceType !== AclResourceType.ANY && f.resourceType !== b.resourceType) return false;
  if (f.patternType !== PatternType.ANY && f.patternType !== PatternType.MATCH && f.patternType !== b.patternType) return false;
  if (f.resourceName !== null) {
    if (f.patternType === PatternType.MATCH) {
      const applies =
        b.patternType === PatternType.LITERAL
          ? b.resourceName === f.resourceName || b.resourceName === WILDCARD
          : f.resourceName.startsWith(b.resourceName);
      if (!applies) return false;
    } else if (f.resourceName !== b.resourceName) {
      return false;
    }
  }
  if (f.principal !== null && f.principal !== b.principal) return false;
  if (f.host !== null && f.host !== b.host) return false;
  if (f.operation !== AclOperation.ANY && f.operation !== b.operation) return false;
  return f.permission === AclPermission.ANY || f.permission === b.permission;
}

/** Why a filter cannot be used (it holds UNKNOWN codes, or codes outside Kafka's tables), or null. */
export function filterProblem(f: AclBindingFilter): string | null {
  const unknown =
    !known(AclResourceType, f.resourceType) ||
    !known(PatternType, f.patternType) ||
    !known(AclOperation, f.operation) ||
    !known(AclPermission, f.permission) ||
    f.resourceType === AclResourceType.UNKNOWN ||
    f.patternType === PatternType.UNKNOWN ||
    f.operation === AclOperation.UNKNOWN ||
    f.permission === AclPermission.UNKNOWN;
  return unknown ? 'Filter contain UNKNOWN elements' : null;
}

/** Why a binding cannot be created, in Kafka's words, or null. */
export function bindingProblem(b: AclBinding): string | null {
  const specific = (table: Readonly<Record<string, number>>, code: number, lowest: number) => known(table, code) && code >= lowest;
  if (!specific(AclResourceType, b.resourceType, AclResourceType.TOPIC)) return 'Invalid ACL creation: the resource type must be specific';
  if (b.patternType !== PatternType.LITERAL && b.patternType !== PatternType.PREFIXED) {
    return 'Invalid ACL creation: the resource pattern type must be LITERAL or PREFIXED';
  }
  if (!specific(AclOperation, b.operation, AclOperation.ALL)) return 'Invalid ACL creation: the operation must be specific';
  if (b.permission !== AclPermission.ALLOW && b.permission !== AclPermission.DENY) return 'Invalid ACL creation: the permission type must be ALLOW or DENY';
  if (b.resourceName === '') return 'Invalid empty resource name';
  if (b.resourceType === AclResourceType.CLUSTER && b.resourceName !== CLUSTER_RESOURCE_NAME) {
    return `The only valid name for the CLUSTER resource is ${CLUSTER_RESOURCE_NAME}`;
  }
  const colon = b.principal.indexOf(':');
  if (colon <= 0) return `Invalid ACL creation: expected a principal in the format principalType:principalName but got ${b.principal}`;
  if (b.host === '') return 'Invalid ACL creation: the host must not be empty (use * for every host)';
  return null;
}

/** Two bindings are the same ACL (the store keeps each once). */
export function sameBinding(a: AclBinding, b: AclBinding): boolean {
  return (
    a.resourceType === b.resourceType &&
    a.resourceName === b.resourceName &&
    a.patternType === b.patternType &&
    a.principal === b.principal &&
    a.host === b.host &&
    a.operation === b.operation &&
    a.permission === b.permission
  );
}
