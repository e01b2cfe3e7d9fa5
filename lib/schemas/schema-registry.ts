// DTOs of a cluster's Schema Registry pages: subjects, their versions, compatibility levels, the
// topics a subject serves (TopicNameStrategy) and the changes an editor may make. The server talks
// Confluent's REST API to the registry and answers in these shapes only, so the browser never sees
// the registry's URL or credentials.
import './zod-csp';
import { z } from 'zod/mini';
import { PageQuery, pageOf } from './common';

export const SchemaTypeSchema = z.enum(['AVRO', 'PROTOBUF', 'JSON']);
export type SchemaType = z.infer<typeof SchemaTypeSchema>;

export const COMPATIBILITY_LEVELS = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'] as const;
export const CompatibilityLevelSchema = z.enum(COMPATIBILITY_LEVELS);
export type CompatibilityLevel = z.infer<typeof CompatibilityLevelSchema>;

/** Confluent's subject names are free text; the registry refuses none but the empty one. */
export const SubjectName = z.string().check(z.minLength(1), z.maxLength(1_000));

/** A subject's part in a topic under TopicNameStrategy: `<topic>-key` or `<topic>-value`. */
export const SubjectRoleSchema = z.enum(['key', 'value']);
export type SubjectRole = z.infer<typeof SubjectRoleSchema>;

export const SubjectListQuerySchema = z.object({
  q: z.catch(z.string().check(z.maxLength(1_000)), ''),
  type: z.catch(z.optional(SchemaTypeSchema), undefined),
  /** Include soft-deleted subjects (shown as such). */
  deleted: z.catch(z.stringbool(), false),
  ...PageQuery,
});
export type SubjectListQuery = z.infer<typeof SubjectListQuerySchema>;

export const SubjectSummarySchema = z.object({
  subject: z.string(),
  /** null when the subject's latest version could not be read (it is listed all the same). */
  type: z.nullable(SchemaTypeSchema),
  latestVersion: z.nullable(z.int().check(z.positive())),
  latestId: z.nullable(z.int().check(z.positive())),
  /** The subject's own level; null when it follows the global one. */
  compatibility: z.nullable(CompatibilityLevelSchema),
  /** Every version is soft-deleted (listed only with `deleted=true`). */
  deleted: z.boolean(),
  /** The topic and role TopicNameStrategy gives this name, whether or not the topic exists. */
  topic: z.nullable(z.object({ name: z.string(), role: SubjectRoleSchema })),
});
export type SubjectSummary = z.infer<typeof SubjectSummarySchema>;

export const SubjectListSchema = z.extend(pageOf(SubjectSummarySchema), {
  globalCompatibility: CompatibilityLevelSchema,
});
export type SubjectList = z.infer<typeof SubjectListSchema>;

export const SchemaReferenceSchema = z.object({ name: z.string(), subject: z.string(), version: z.int().check(z.positive()) });

export const SchemaVersionSchema = z.object({
  subject: z.string(),
  version: z.int().check(z.positive()),
  id: z.int().check(z.positive()),
  type: SchemaTypeSchema,
  /** As the registry keeps it. */
  schema: z.string(),
  /** Indented for reading (Avro and JSON Schema); Protobuf as it is. */
  pretty: z.string(),
  references: z.array(SchemaReferenceSchema),
  /** Soft-deleted (still readable, deletable for good). */
  deleted: z.boolean(),
});
export type SchemaVersion = z.infer<typeof SchemaVersionSchema>;

export const SubjectDetailSchema = z.object({
  subject: z.string(),
  /** Live versions, oldest first. */
  versions: z.array(z.int().check(z.positive())),
  /** Soft-deleted versions, oldest first. */
  deletedVersions: z.array(z.int().check(z.positive())),
  /** The newest live version, or (for a soft-deleted subject) the newest deleted one. */
  latest: SchemaVersionSchema,
  compatibility: z.object({ level: CompatibilityLevelSchema, own: z.boolean() }),
  /** Existing topics whose key or value this subject is, by TopicNameStrategy. */
  topics: z.array(z.object({ topic: z.string(), role: SubjectRoleSchema })),
});
export type SubjectDetail = z.infer<typeof SubjectDetailSchema>;

export const SchemaDiffLineSchema = z.object({
  kind: z.enum(['added', 'removed', 'same']),
  /** One line of the pretty-printed schema, without its line break. */
  text: z.string(),
});
export const SchemaDiffSchema = z.object({
  subject: z.string(),
  from: z.int().check(z.positive()),
  to: z.int().check(z.positive()),
  lines: z.array(SchemaDiffLineSchema),
  added: z.int().check(z.nonnegative()),
  removed: z.int().check(z.nonnegative()),
});
export type SchemaDiff = z.infer<typeof SchemaDiffSchema>;

/** A version in a path or query: a number, or "latest". */
export const VersionParam = z.union([z.literal('latest'), z.coerce.number<string | number>().check(z.int(), z.gte(1), z.lte(0x7fffffff))]);
export const SchemaDiffQuerySchema = z.object({ from: VersionParam, to: VersionParam });

export const CompatibilitySchema = z.object({ level: CompatibilityLevelSchema, own: z.boolean() });
/** A new level, or null to drop a subject's own level (it then follows the global one). */
export const SetCompatibilityRequestSchema = z.object({ level: z.nullable(CompatibilityLevelSchema) });

export const SchemaDraftSchema = z.object({
  schema: z.string().check(z.minLength(1), z.maxLength(1_000_000)),
  schemaType: z._default(SchemaTypeSchema, 'AVRO'),
  references: z._default(z.array(SchemaReferenceSchema).check(z.maxLength(256)), []),
});
export type SchemaDraft = z.infer<typeof SchemaDraftSchema>;

export const CompatibilityCheckRequestSchema = z.extend(SchemaDraftSchema, {
  /** The version to compare with ("latest" by default; the subject's level decides for transitive ones). */
  version: z._default(VersionParam, 'latest'),
});
export const CompatibilityCheckSchema = z.object({
  compatible: z.boolean(),
  /** The registry's reasons when it is not compatible. */
  messages: z.array(z.string()),
  /** The subject has no version yet: anything may be registered. */
  firstVersion: z.boolean(),
});
export type CompatibilityCheck = z.infer<typeof CompatibilityCheckSchema>;

export const RegisteredSchemaSchema = z.object({ id: z.int().check(z.positive()), version: z.nullable(z.int().check(z.positive())) });

export const SchemaDeleteQuerySchema = z.object({ permanent: z.catch(z.stringbool(), false) });
export const DeletedVersionsSchema = z.object({ versions: z.array(z.int().check(z.positive())), permanent: z.boolean() });

export const SubjectRefSchema = z.object({
  subject: z.string(),
  type: z.nullable(SchemaTypeSchema),
  latestVersion: z.nullable(z.int().check(z.positive())),
});
export const TopicSubjectsSchema = z.object({
  /** False when the cluster has no schema registry (then both are null). */
  registry: z.boolean(),
  key: z.nullable(SubjectRefSchema),
  value: z.nullable(SubjectRefSchema),
});
export type TopicSubjects = z.infer<typeof TopicSubjectsSchema>;
