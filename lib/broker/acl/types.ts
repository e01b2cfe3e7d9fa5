// The vocabulary of Kafka ACLs, named once: resource types, pattern types, operations and permission
// types with Kafka's wire codes (the same numbers DescribeAcls/CreateAcls/DeleteAcls carry), and the
// binding the store keeps — a resource pattern plus an access control entry, as Kafka's AclBinding.

export const AclResourceType = {
  UNKNOWN: 0,
  ANY: 1,
  TOPIC: 2,
  GROUP: 3,
  CLUSTER: 4,
  TRANSACTIONAL_ID: 5,
  DELEGATION_TOKEN: 6,
  USER: 7,
} as const;

export const PatternType = { UNKNOWN: 0, ANY: 1, MATCH: 2, LITERAL: 3, PREFIXED: 4 } as const;

export const AclOperation = {
  UNKNOWN: 0,
  ANY: 1,
  ALL: 2,
  READ: 3,
  WRITE: 4,
  CREATE: 5,
  DELETE: 6,
  ALTER: 7,
  DESCRIBE: 8,
  CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10,
  ALTER_CONFIGS: 11,
  IDEMPOTENT_WRITE: 12,
  CREATE_TOKENS: 13,
  DESCRIBE_TOKENS: 14,
} as const;

export const AclPermission = { UNKNOWN: 0, ANY: 1, DENY: 2, ALLOW: 3 } as const;

/** The one name a CLUSTER resource has. */
export const CLUSTER_RESOURCE_NAME = 'kafka-cluster';
/** A LITERAL resource name matching every resource of its type; also the host matching every host. */
export const WILDCARD = '*';
/** The principal matching every user. */
export const WILDCARD_PRINCIPAL = 'User:*';
/** Who an unauthenticated connection is on a broker with an authorizer. */
export const ANONYMOUS_PRINCIPAL = 'User:ANONYMOUS';

/** One ACL: who (principal, host) may or may not (permission) do what (operation) to which resources. */
export interface AclBinding {
  resourceType: number;
  resourceName: string;
  /** LITERAL or PREFIXED. */
  patternType: number;
  /** "User:alice", "User:*". */
  principal: string;
  /** An IP address or "*". */
  host: string;
  operation: number;
  /** ALLOW or DENY. */
  permission: number;
}

/** A DescribeAcls/DeleteAcls filter: null strings and the ANY codes match everything. */
export interface AclBindingFilter {
  resourceType: number;
  resourceName: string | null;
  /** ANY, MATCH, LITERAL or PREFIXED. */
  patternType: number;
  principal: string | null;
  host: string | null;
  operation: number;
  permission: number;
}

/** The name of a code in one of the tables above (for logs and the persisted file), or its number. */
export function codeName(table: Readonly<Record<string, number>>, code: number): string {
  for (const [name, value] of Object.entries(table)) if (value === code) return name;
  return String(code);
}
