// Resolves a message's field table for one version into a flat plan: which fields are on the wire in
// order, which are tagged (and under which tag), which are absent and only take defaults, and whether
// each uses the compact (flexible) encodings. Computed once per (message, version) and cached, so the
// per-frame work in codec.ts never re-reads version strings.

import { ProtocolError } from './protocol-error';
import { inRange, parseVersions, type FieldSchema, type MessageSchema, type PrimitiveType, type VersionRange } from './schema';

export interface FieldPlan {
  readonly name: string;
  readonly type: PrimitiveType | 'struct';
  readonly array: boolean;
  readonly nullable: boolean;
  /** Compact lengths (flexible encoding) for this field's strings, bytes and arrays. */
  readonly compact: boolean;
  readonly tag: number;
  readonly struct: StructPlan | undefined;
  /** A fresh default value (never shared, so callers may mutate what they get). */
  readonly makeDefault: () => unknown;
  /** Whether `v` equals the default; tagged fields are written only when it does not. */
  readonly isDefault: (v: unknown) => boolean;
}

export interface StructPlan {
  /** Every field of the struct in table order, each with how it travels in this version. */
  readonly all: readonly { readonly field: FieldPlan; readonly mode: 'wire' | 'tagged' | 'absent' }[];
  readonly wire: readonly FieldPlan[];
  /** Tagged fields of this version, ascending by tag. */
  readonly tagged: readonly FieldPlan[];
  readonly byTag: ReadonlyMap<number, FieldPlan>;
  /** Flexible version: the struct ends with a tagged-field section. */
  readonly flexible: boolean;
}

function scalarDefault(type: PrimitiveType, nullable: boolean): unknown {
  switch (type) {
    case 'bool':
      return false;
    case 'int64':
      return 0n;
    case 'string':
      return '';
    case 'bytes':
      return Buffer.alloc(0);
    case 'records':
      return nullable ? null : Buffer.alloc(0);
    case 'uuid':
      return Buffer.alloc(16);
    default:
      return 0;
  }
}

function compileField(f: FieldSchema, version: number, messageFlexible: VersionRange): { plan: FieldPlan; mode: 'wire' | 'tagged' | 'absent' } {
  const flexible = inRange(messageFlexible, version);
  const present = inRange(parseVersions(f.versions), version);
  const tagged = flexible && f.tagged !== undefined && inRange(parseVersions(f.tagged), version);
  // Outside its tagged range a present field travels in order, as in Kafka's own generator.
  const mode = tagged ? 'tagged' : present ? 'wire' : 'absent';
  const nullable = f.nullable !== undefined && inRange(parseVersions(f.nullable), version);
  const compact = f.flexible !== undefined ? inRange(parseVersions(f.flexible), version) : flexible;
  const struct = f.type === 'struct' ? compileStruct(f.fields ?? [], version, messageFlexible) : undefined;

  let makeDefault: () => unknown;
  let isDefault: (v: unknown) => boolean;
  if (f.array) {
    const nullDefault = f.default === null;
    makeDefault = nullDefault ? () => null : () => [];
    isDefault = nullDefault ? (v) => v === null : (v) => Array.isArray(v) && v.length === 0;
  } else if (struct) {
    makeDefault = () => defaultStruct(struct);
    isDefault = (v) =>
      v !== null && typeof v === 'object' && struct.all.every(({ field }) => {
        const inner = (v as Record<string, unknown>)[field.name];
        return inner === undefined || field.isDefault(inner);
      });
  } else if (f.default !== undefined) {
    const d = f.default;
    makeDefault = () => d;
    isDefault = f.type === 'int64' && d !== null ? (v) => toBigInt(v) === d : (v) => v === d;
  } else {
    const d = scalarDefault(f.type as PrimitiveType, nullable);
    makeDefault = Buffer.isBuffer(d) ? () => Buffer.from(d) : () => d;
    if (Buffer.isBuffer(d)) isDefault = (v) => Buffer.isBuffer(v) && v.equals(d);
    else if (f.type === 'int64') isDefault = (v) => toBigInt(v) === 0n;
    else isDefault = (v) => v === d;
  }

  return {
    mode,
    plan: {
      name: f.name,
      type: f.type,
      array: f.array === true,
      nullable,
      compact,
      tag: f.tag ?? -1,
      struct,
      makeDefault,
      isDefault,
    },
  };
}

function toBigInt(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  return undefined;
}

function compileStruct(fields: readonly FieldSchema[], version: number, messageFlexible: VersionRange): StructPlan {
  const all = fields.map((f) => {
    const { plan, mode } = compileField(f, version, messageFlexible);
    return { field: plan, mode };
  });
  const tagged = all
    .filter((e) => e.mode === 'tagged')
    .map((e) => e.field)
    .sort((a, b) => a.tag - b.tag);
  return {
    all,
    wire: all.filter((e) => e.mode === 'wire').map((e) => e.field),
    tagged,
    byTag: new Map(tagged.map((f) => [f.tag, f])),
    flexible: inRange(messageFlexible, version),
  };
}

export function defaultStruct(plan: StructPlan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { field } of plan.all) out[field.name] = field.makeDefault();
  return out;
}

const cache = new Map<MessageSchema, Map<number, StructPlan>>();

/** The plan of `schema` at `version`; throws ProtocolError for a version the schema does not define. */
export function planFor(schema: MessageSchema, version: number): StructPlan {
  let byVersion = cache.get(schema);
  if (!byVersion) {
    byVersion = new Map();
    cache.set(schema, byVersion);
  }
  let plan = byVersion.get(version);
  if (!plan) {
    if (!Number.isInteger(version) || !inRange(parseVersions(schema.validVersions), version)) {
      throw new ProtocolError(`${schema.name} has no version ${version} (valid: ${schema.validVersions})`);
    }
    plan = compileStruct(schema.fields, version, parseVersions(schema.flexibleVersions));
    byVersion.set(version, plan);
  }
  return plan;
}
