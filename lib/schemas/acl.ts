// ACL DTOs: a binding (who may do what on which resources, from where), the filters of the list, and
// the bodies that create and delete bindings. Kafka's enums travel by name, never by number, so the
// browser and a script read "TOPIC" and "ALLOW"; the access layer maps names to Kafka's codes.
import './zod-csp';
import { z } from 'zod/mini';
import { KAFKA_STRING_MAX_BYTES, utf8Length } from './kafka-strings';

export const AclResourceType = z.enum(['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN']);
export type AclResourceType = z.infer<typeof AclResourceType>;
/** How a binding's resource name applies: to that name only, or to every name starting with it. */
export const AclPatternType = z.enum(['LITERAL', 'PREFIXED']);
export type AclPatternType = z.infer<typeof AclPatternType>;
export const AclOperation = z.enum([
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
]);
export type AclOperation = z.infer<typeof AclOperation>;
export const AclPermission = z.enum(['ALLOW', 'DENY']);
export type AclPermission = z.infer<typeof AclPermission>;

/** A Kafka STRING: non-empty, within the protocol's 16-bit length. */
const kafkaString = (what: string) =>
  z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.refine((s) => utf8Length(s) <= KAFKA_STRING_MAX_BYTES, `${what} is longer than Kafka can carry`),
  );

/** Kafka principals are "Type:name" (User:alice, or User:* for everyone). */
export const AclPrincipal = kafkaString('the principal').check(
  z.refine((s) => /^[^:\s]+:.+$/.test(s), 'must be "Type:name", e.g. User:alice or User:*'),
);

export const AclBindingSchema = z.object({
  resourceType: AclResourceType,
  resourceName: kafkaString('the resource name'),
  patternType: AclPatternType,
  principal: AclPrincipal,
  /** The client address the binding applies to; "*" for every host. */
  host: kafkaString('the host'),
  operation: AclOperation,
  permission: AclPermission,
});
export type AclBinding = z.infer<typeof AclBindingSchema>;

/** GET .../acls: every filter is optional (absent = any). patternType MATCH lists every binding
 * that applies to resourceName (literal, wildcard and prefixed), as Kafka's own filter does. */
export const AclListQuerySchema = z.object({
  principal: z.optional(AclPrincipal),
  host: z.optional(kafkaString('the host')),
  resourceType: z.optional(AclResourceType),
  patternType: z.optional(z.enum(['LITERAL', 'PREFIXED', 'MATCH'])),
  resourceName: z.optional(kafkaString('the resource name')),
  operation: z.optional(AclOperation),
  permission: z.optional(AclPermission),
});
export type AclListQuery = z.infer<typeof AclListQuerySchema>;

export const AclListSchema = z.object({
  /** False when the cluster has no authorizer (Kafka answers SECURITY_DISABLED): there are no ACLs
   * to list, as opposed to an empty list. */
  enabled: z.boolean(),
  /** Why the list is unavailable, in Kafka's words, when it is. */
  message: z.nullable(z.string()),
  items: z.array(AclBindingSchema),
});
export type AclList = z.infer<typeof AclListSchema>;

/** POST .../acls (create) and DELETE .../acls (delete exactly these bindings). */
export const AclBindingsRequestSchema = z.object({
  bindings: z.array(AclBindingSchema).check(z.minLength(1, 'name at least one binding'), z.maxLength(100, 'at most 100 bindings at once')),
});
export type AclBindingsRequest = z.infer<typeof AclBindingsRequestSchema>;

export const AclCreateResponseSchema = z.object({ created: z.array(AclBindingSchema) });
export const AclDeleteResponseSchema = z.object({ deleted: z.array(AclBindingSchema) });
