// What a request to the registry carries and how a version is shown: the request body of register,
// lookup and compatibility calls, validated into a SchemaRequest (42201 when it is not one), version
// path segments ("latest", -1 or a number; 42202 otherwise), and a stored version as Confluent's
// GET /subjects/{s}/versions/{v} answers it.
import { badRequest, invalidSchema, invalidVersion } from './errors';
import { SCHEMA_TYPES, type SchemaReference, type SchemaType, type SchemaValue } from './records';

/** The body of register, lookup and compatibility requests. */
export interface SchemaRequest {
  schema: string;
  schemaType: SchemaType;
  references: SchemaReference[];
}

/** A version as GET /subjects/{s}/versions/{v} shows it (schemaType and references only when set). */
export interface VersionView {
  subject: string;
  version: number;
  id: number;
  schemaType?: 'PROTOBUF' | 'JSON';
  references?: SchemaReference[];
  schema: string;
}

const MAX_VERSION = 0x7fffffff;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a request body {schema, schemaType?, references?}; 42201 / 400 otherwise. */
export function parseSchemaRequest(body: unknown): SchemaRequest {
  if (!isObject(body)) throw badRequest('The request body must be a JSON object');
  if (typeof body.schema !== 'string' || body.schema.trim() === '') throw invalidSchema('Empty schema');
  const type = body.schemaType === undefined || body.schemaType === null ? 'AVRO' : String(body.schemaType).toUpperCase();
  if (!(SCHEMA_TYPES as readonly string[]).includes(type)) throw invalidSchema(`Unknown schema type: ${String(body.schemaType)}`);
  const references: SchemaReference[] = [];
  if (body.references !== undefined && body.references !== null) {
    if (!Array.isArray(body.references)) throw invalidSchema('references must be an array');
    for (const r of body.references) {
      if (!isObject(r) || typeof r.name !== 'string' || typeof r.subject !== 'string' || typeof r.version !== 'number' || !Number.isInteger(r.version) || r.version < 1) {
        throw invalidSchema('each reference needs a name, a subject and a version number (1 or more)');
      }
      references.push({ name: r.name, subject: r.subject, version: r.version });
    }
  }
  return { schema: body.schema, schemaType: type as SchemaType, references };
}

/** "latest", "-1" or 1..2^31-1; 42202 otherwise. */
export function parseVersion(text: string): number | 'latest' {
  if (text === 'latest' || text === '-1') return 'latest';
  if (!/^\d+$/.test(text)) throw invalidVersion(text);
  const n = Number(text);
  if (n < 1 || n > MAX_VERSION) throw invalidVersion(text);
  return n;
}

export const viewOf = (v: SchemaValue): VersionView => ({
  subject: v.subject,
  version: v.version,
  id: v.id,
  ...(v.schemaType && { schemaType: v.schemaType }),
  ...(v.references && v.references.length > 0 && { references: v.references }),
  schema: v.schema,
});
