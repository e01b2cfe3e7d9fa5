// Parses an Avro schema with avsc for the decoder. avsc resolves names, namespaces and references and
// validates the schema; the decoder (avro-decode.ts) then walks the parsed types itself. Logical
// types are kept as a marker type that remembers its attributes (scale, precision) and changes
// nothing about reading: avsc falls back to the plain type when the marker refuses an invalid
// pairing (a decimal on a string), exactly as the Avro spec asks readers to ignore such logical types.
import { Type, types, type Schema } from 'avsc';

/** Which underlying Avro types each understood logical type may annotate. */
const LOGICAL_UNDERLYING: Record<string, readonly string[]> = {
  decimal: ['bytes', 'fixed'],
  date: ['int'],
  'time-millis': ['int'],
  'time-micros': ['long'],
  'timestamp-millis': ['long'],
  'timestamp-micros': ['long'],
  'timestamp-nanos': ['long'],
  'local-timestamp-millis': ['long'],
  'local-timestamp-micros': ['long'],
  'local-timestamp-nanos': ['long'],
};

/** A logical type as the decoder sees it: its name and schema attributes over an unchanged reading. */
export class AnnotatedType extends types.LogicalType {
  readonly logicalType: string;
  readonly precision: number | undefined;
  readonly scale: number;

  constructor(schema: Schema, opts?: unknown) {
    super(schema, opts);
    const s = schema as { logicalType: string; precision?: unknown; scale?: unknown };
    this.logicalType = s.logicalType;
    const allowed = LOGICAL_UNDERLYING[this.logicalType];
    if (!allowed?.includes(this.underlyingType.typeName)) throw new Error(`${this.logicalType} cannot annotate ${this.underlyingType.typeName}`);
    if (this.logicalType === 'decimal') {
      const { precision, scale = 0 } = s;
      if (typeof precision !== 'number' || !Number.isInteger(precision) || precision < 1) throw new Error('decimal needs a positive precision');
      if (typeof scale !== 'number' || !Number.isInteger(scale) || scale < 0 || scale > precision) throw new Error('decimal scale out of range');
      this.precision = precision;
      this.scale = scale;
    } else {
      this.precision = undefined;
      this.scale = 0;
    }
  }

  protected override _fromValue(val: unknown): unknown {
    return val;
  }

  protected override _toValue(val: unknown): unknown {
    return val;
  }

  protected override _resolve(type: Type): unknown {
    if (Type.isType(type, 'logical')) type = (type as types.LogicalType).underlyingType;
    return type.typeName === this.underlyingType.typeName ? (v: unknown) => v : undefined;
  }
}

const logicalTypes = Object.fromEntries(Object.keys(LOGICAL_UNDERLYING).map((name) => [name, AnnotatedType]));

export interface AvroSchema {
  readonly type: Type;
  /** Full name of a named top-level type; the type's name ("long", "array") otherwise. */
  readonly typeName: string;
}

function asSchema(schema: string | object): Schema {
  return (typeof schema === 'string' ? JSON.parse(schema) : schema) as Schema;
}

/**
 * Parses `schema` (JSON text or its value). `references` are the schemas it names (Confluent schema
 * references), parsed first so their named types are known. Returns `{ error }` for anything invalid.
 */
export function parseAvroSchema(schema: string | object, references: (string | object)[] = []): AvroSchema | { error: string } {
  try {
    const registry: Record<string, Type> = {};
    const opts = { logicalTypes, registry, wrapUnions: true };
    for (const ref of references) Type.forSchema(asSchema(ref), opts);
    const type = Type.forSchema(asSchema(schema), opts);
    return { type, typeName: type.name ?? type.branchName ?? type.typeName };
  } catch (err) {
    return { error: `invalid Avro schema: ${err instanceof Error ? err.message : String(err)}` };
  }
}
