// The one interpreter of the field tables: encodes a plain object to bytes and decodes bytes to a plain
// object for any message at any version, following a plan from plan.ts. Decoded objects carry every
// field of the table (absent ones hold their defaults); encoding fills missing values with defaults and
// silently drops fields the version does not carry.

import { defaultStruct, planFor, type FieldPlan, type StructPlan } from './plan';
import { ProtocolError } from './protocol-error';
import type { Reader } from './reader';
import type { MessageSchema } from './schema';
import { Writer } from './writer';

// --------------------------------------------------------------------------------------------- decode

export function decodeMessage(schema: MessageSchema, version: number, r: Reader): Record<string, unknown> {
  return decodeStruct(r, planFor(schema, version));
}

function decodeStruct(r: Reader, plan: StructPlan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { field, mode } of plan.all) {
    out[field.name] = mode === 'wire' ? decodeField(r, field) : field.makeDefault();
  }
  if (plan.flexible) {
    r.taggedFields((tag, fr) => {
      const field = plan.byTag.get(tag);
      if (!field) return false;
      out[field.name] = decodeField(fr, field);
      return true;
    });
  }
  return out;
}

function decodeField(r: Reader, f: FieldPlan): unknown {
  if (!f.array) return decodeValue(r, f, f.nullable);
  const n = r.arrayLength(f.compact);
  // A null array where the version forbids it is read as the default, as lenient clients expect.
  if (n === -1) return f.nullable ? null : f.makeDefault();
  const out: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = decodeValue(r, f, false);
  return out;
}

function decodeValue(r: Reader, f: FieldPlan, nullable: boolean): unknown {
  switch (f.type) {
    case 'bool':
      return r.bool();
    case 'int8':
      return r.int8();
    case 'int16':
      return r.int16();
    case 'uint16':
      return r.uint16();
    case 'int32':
      return r.int32();
    case 'int64':
      return r.int64();
    case 'float64':
      return r.float64();
    case 'uuid':
      return r.uuid();
    case 'string': {
      const s = f.compact ? r.compactNullableString() : r.nullableString();
      return s === null && !nullable ? '' : s;
    }
    case 'bytes':
    case 'records': {
      const b = f.compact ? r.compactNullableBytes() : r.nullableBytes();
      return b === null && !nullable ? Buffer.alloc(0) : b;
    }
    case 'struct':
      if (!f.struct) throw new ProtocolError(`struct ${f.name} has no fields`);
      return decodeStruct(r, f.struct);
  }
}

// --------------------------------------------------------------------------------------------- encode

export function encodeMessage(schema: MessageSchema, version: number, w: Writer, body: object): void {
  encodeStruct(w, planFor(schema, version), body as Record<string, unknown>);
}

function encodeStruct(w: Writer, plan: StructPlan, value: Record<string, unknown>): void {
  for (const f of plan.wire) encodeField(w, f, value[f.name]);
  if (!plan.flexible) return;
  const tagged: { tag: number; bytes: Buffer }[] = [];
  for (const f of plan.tagged) {
    const v = value[f.name];
    if (v === undefined || f.isDefault(v)) continue;
    const sub = new Writer(64);
    encodeField(sub, f, v);
    tagged.push({ tag: f.tag, bytes: sub.finish() });
  }
  w.taggedFields(tagged);
}

function encodeField(w: Writer, f: FieldPlan, v: unknown): void {
  if (v === undefined) v = f.makeDefault();
  if (!f.array) {
    encodeValue(w, f, v, f.nullable);
    return;
  }
  if (v === null) {
    // Null where the version has no null is written as the empty array.
    w.arrayLength(f.nullable ? -1 : 0, f.compact);
    return;
  }
  if (!Array.isArray(v)) throw new TypeError(`field ${f.name} must be an array`);
  w.arrayLength(v.length, f.compact);
  for (const item of v) encodeValue(w, f, item, false);
}

function encodeValue(w: Writer, f: FieldPlan, v: unknown, nullable: boolean): void {
  switch (f.type) {
    case 'bool':
      w.bool(Boolean(v));
      return;
    case 'int8':
      w.int8(Number(v ?? 0));
      return;
    case 'int16':
      w.int16(Number(v ?? 0));
      return;
    case 'uint16':
      w.uint16(Number(v ?? 0));
      return;
    case 'int32':
      w.int32(Number(v ?? 0));
      return;
    case 'float64':
      w.float64(Number(v ?? 0));
      return;
    case 'int64':
      w.int64(typeof v === 'bigint' ? v : BigInt((v as number | null) ?? 0));
      return;
    case 'uuid':
      w.uuid(v == null ? Buffer.alloc(16) : (v as Buffer));
      return;
    case 'string': {
      const s = v == null ? (nullable ? null : '') : String(v);
      if (f.compact) w.compactNullableString(s);
      else w.nullableString(s);
      return;
    }
    case 'bytes':
    case 'records': {
      const b = v == null ? (nullable ? null : Buffer.alloc(0)) : (v as Buffer);
      if (f.compact) w.compactNullableBytes(b);
      else w.nullableBytes(b);
      return;
    }
    case 'struct': {
      if (!f.struct) throw new ProtocolError(`struct ${f.name} has no fields`);
      encodeStruct(w, f.struct, (v ?? defaultStruct(f.struct)) as Record<string, unknown>);
      return;
    }
  }
}
