// Validation and canonical form of a schema per type, which decide what "the same schema" means
// (same canonical text → same id) and what may be registered at all:
// - AVRO: parsed by avsc (names, namespaces, defaults checked), referenced named types first; the
//   canonical text is the JSON compacted (whitespace removed, attribute order kept).
// - PROTOBUF: parsed by protobufjs with its imports taken from the references (and Google's
//   well-known types), every type name resolved; the text is stored as sent.
// - JSON (JSON Schema): must be JSON (an object or a boolean), stored compacted. The schema is not
//   checked against the JSON Schema meta-schema.
import { Type } from 'avsc';
import { parseProtobufSchema } from '../decode/formats/protobuf-schema';
import { invalidSchema } from './errors';
import type { SchemaType } from './records';

/** A referenced schema with its text, in dependency order (what it needs comes before it). */
export interface ResolvedReference {
  /** The name the referring schema uses: an Avro full name, a .proto import path, a JSON $ref. */
  name: string;
  schemaType: SchemaType;
  schema: string;
}

export interface CheckedSchema {
  schemaType: SchemaType;
  /** What is stored and compared: two registrations with the same canonical text are the same schema. */
  canonical: string;
  /** The parsed Avro type, for compatibility checks. */
  avro?: Type;
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalidSchema(`${what} is not valid JSON: ${reason(err)}`);
  }
}

/** Parses an Avro schema with its references' named types; plain avsc types (logical types are
 * ignored by Avro's resolution rules, so compatibility is checked on the underlying types). */
export function avroType(schema: string, references: ResolvedReference[]): Type {
  const registry: Record<string, Type> = {};
  const opts = { registry, wrapUnions: true };
  for (const ref of references) {
    if (ref.schemaType !== 'AVRO') throw invalidSchema(`reference ${ref.name} is ${ref.schemaType}, not AVRO`);
    try {
      Type.forSchema(JSON.parse(ref.schema), opts);
    } catch (err) {
      throw invalidSchema(`reference ${ref.name}: ${reason(err)}`);
    }
  }
  const parsed = parseJson(schema, 'the Avro schema');
  try {
    return Type.forSchema(parsed as Parameters<typeof Type.forSchema>[0], opts);
  } catch (err) {
    throw invalidSchema(reason(err));
  }
}

/** Checks `schema` as `schemaType`; throws 42201 (invalid schema) with the parser's reason. */
export function checkSchema(schemaType: SchemaType, schema: string, references: ResolvedReference[]): CheckedSchema {
  if (schema.trim() === '') throw invalidSchema('empty schema');
  switch (schemaType) {
    case 'AVRO':
      return { schemaType, canonical: JSON.stringify(parseJson(schema, 'the Avro schema')), avro: avroType(schema, references) };
    case 'PROTOBUF': {
      const refs = references.map((r) => ({ name: r.name, schema: r.schema }));
      const parsed = parseProtobufSchema(schema, refs);
      if ('error' in parsed) throw invalidSchema(parsed.error);
      return { schemaType, canonical: schema };
    }
    case 'JSON': {
      const value = parseJson(schema, 'the JSON Schema');
      if (typeof value !== 'boolean' && (typeof value !== 'object' || value === null || Array.isArray(value))) throw invalidSchema('a JSON Schema is an object or a boolean');
      return { schemaType, canonical: JSON.stringify(value) };
    }
  }
}
