// The records of the `_schemas` topic, laid out as Confluent's registry writes them, so the topic
// reads like a Confluent one (and Confluent's own key types are understood when reading):
//   SCHEMA          key {"keytype":"SCHEMA","subject":s,"version":n,"magic":1}
//                   value {"subject","version","id","schemaType"?,"references"?,"schema","deleted"}
//                   (schemaType absent = AVRO; deleted true = soft-deleted; null value = hard-deleted)
//   CONFIG          key {"keytype":"CONFIG","subject":s|null,"magic":0}  value {"compatibilityLevel"}
//                   (subject null = the global level; null value = the subject's level removed)
//   DELETE_SUBJECT  key {"keytype":"DELETE_SUBJECT","subject":s,"magic":0}  value {"subject","version"}
//                   (Confluent's soft delete of a subject up to a version; read, never written here)
//   NOOP            key {"keytype":"NOOP","magic":0}, null value: written at start to learn the end
//   ID_WATERMARK    key {"keytype":"ID_WATERMARK","magic":0}  value {"id": n}: ours, not Confluent's.
//                   Written before hard deletes, so an id whose records compaction removed is still
//                   never handed out again. Confluent's reader skips key types it does not know.
// Keys are compared by their JSON text, so they are always written with the fields in this order.

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';
export const SCHEMA_TYPES: readonly SchemaType[] = ['AVRO', 'PROTOBUF', 'JSON'];

export type CompatibilityLevel = 'NONE' | 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE';
export const COMPATIBILITY_LEVELS: readonly CompatibilityLevel[] = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'];

export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

export interface SchemaValue {
  subject: string;
  version: number;
  id: number;
  schemaType?: 'PROTOBUF' | 'JSON';
  references?: SchemaReference[];
  schema: string;
  deleted: boolean;
}

export type RegistryKey =
  | { keytype: 'SCHEMA'; subject: string; version: number; magic: 1 }
  | { keytype: 'CONFIG'; subject: string | null; magic: 0 }
  | { keytype: 'DELETE_SUBJECT'; subject: string; magic: 0 }
  | { keytype: 'NOOP'; magic: 0 }
  | { keytype: 'ID_WATERMARK'; magic: 0 };

export type ConfigValue = { compatibilityLevel: CompatibilityLevel };

export interface StoreRecord {
  key: RegistryKey;
  value: object | null;
}

export const schemaKey = (subject: string, version: number): RegistryKey => ({ keytype: 'SCHEMA', subject, version, magic: 1 });
export const configKey = (subject: string | null): RegistryKey => ({ keytype: 'CONFIG', subject, magic: 0 });
export const NOOP_KEY: RegistryKey = { keytype: 'NOOP', magic: 0 };
export const WATERMARK_KEY: RegistryKey = { keytype: 'ID_WATERMARK', magic: 0 };

export const isCompatibilityLevel = (s: unknown): s is CompatibilityLevel => typeof s === 'string' && (COMPATIBILITY_LEVELS as readonly string[]).includes(s);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isVersion = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 0x7fffffff;

/** The key of a topic record, or null for one this registry does not understand (skipped). */
export function parseKey(text: string): RegistryKey | null {
  let k: unknown;
  try {
    k = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(k)) return null;
  switch (k.keytype) {
    case 'SCHEMA':
      return typeof k.subject === 'string' && isVersion(k.version) ? schemaKey(k.subject, k.version) : null;
    case 'CONFIG':
      return typeof k.subject === 'string' || k.subject === null || k.subject === undefined ? configKey((k.subject as string | null | undefined) ?? null) : null;
    case 'DELETE_SUBJECT':
      return typeof k.subject === 'string' ? { keytype: 'DELETE_SUBJECT', subject: k.subject, magic: 0 } : null;
    case 'NOOP':
      return NOOP_KEY;
    case 'ID_WATERMARK':
      return WATERMARK_KEY;
    default:
      return null;
  }
}

function parseReferences(v: unknown): SchemaReference[] | null {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return null;
  const out: SchemaReference[] = [];
  for (const r of v) {
    if (!isObject(r) || typeof r.name !== 'string' || typeof r.subject !== 'string' || !isVersion(r.version)) return null;
    out.push({ name: r.name, subject: r.subject, version: r.version });
  }
  return out;
}

/** A SCHEMA record's value, or null when it is malformed (skipped, as Confluent's reader does). */
export function parseSchemaValue(v: unknown): SchemaValue | null {
  if (!isObject(v) || typeof v.subject !== 'string' || !isVersion(v.version) || !isVersion(v.id) || typeof v.schema !== 'string') return null;
  const type = v.schemaType ?? 'AVRO';
  if (type !== 'AVRO' && type !== 'PROTOBUF' && type !== 'JSON') return null;
  const references = parseReferences(v.references);
  if (!references) return null;
  return {
    subject: v.subject,
    version: v.version,
    id: v.id,
    ...(type !== 'AVRO' && { schemaType: type }),
    ...(references.length > 0 && { references }),
    schema: v.schema,
    deleted: v.deleted === true,
  };
}

export function parseConfigValue(v: unknown): ConfigValue | null {
  if (!isObject(v)) return null;
  const level = typeof v.compatibilityLevel === 'string' ? v.compatibilityLevel.toUpperCase() : null;
  return isCompatibilityLevel(level) ? { compatibilityLevel: level } : null;
}

export function encodeKey(key: RegistryKey): string {
  return JSON.stringify(key);
}
