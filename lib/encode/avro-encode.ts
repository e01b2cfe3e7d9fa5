// JSON typed by a person, encoded as Avro binary with a schema avsc parsed (the same parse the decoder
// uses), so what the message browser shows can be typed back: a union as {"branch": value} (or the
// bare value when only one branch is not null), bytes and fixed as hex, an enum by its symbol,
// decimals, timestamps, dates and times in their readable forms (or encoded ones), longs exact to 64
// bits. A record's missing field takes its default (written by avsc from the schema); an unknown
// field or a value of the wrong type is an error naming its path, never a silently changed record.
import { Type, types } from 'avsc';
import { AnnotatedType, type AvroSchema } from '../decode/formats/avro-schema';
import { ByteWriter } from './byte-writer';
import { EncodeFault, childPath, described, integerOf, isNumberInput, isObjectInput, numberOf, type JsonInput } from './json-input';
import { dateDays, instantCount, timeOfDayCount, twosComplementBytes, unscaledOf } from './logical-input';

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const MAX_DEPTH = 256;
const PER_SECOND: Record<string, bigint> = { millis: 1000n, micros: 1_000_000n, nanos: 1_000_000_000n };

function hexOf(v: JsonInput, path: string, size?: number): Uint8Array {
  if (typeof v !== 'string' || !/^(?:[0-9a-fA-F]{2})*$/.test(v)) throw new EncodeFault(path, `expected bytes as hex (e.g. "0a1b"), got ${described(v)}`);
  const out = new Uint8Array(v.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(v.slice(2 * i, 2 * i + 2), 16);
  if (size !== undefined && out.length !== size) throw new EncodeFault(path, `expected ${size} bytes (fixed), got ${out.length}`);
  return out;
}

class AvroWriter {
  readonly w = new ByteWriter();

  write(type: Type, v: JsonInput, path: string, depth: number): void {
    if (depth > MAX_DEPTH) throw new EncodeFault(path, `nested deeper than ${MAX_DEPTH} levels`);
    if (type instanceof AnnotatedType) return this.writeLogical(type, v, path, depth);
    const w = this.w;
    switch (type.typeName) {
      case 'null':
        if (v !== null) throw new EncodeFault(path, `expected null, got ${described(v)}`);
        return;
      case 'boolean':
        if (typeof v !== 'boolean') throw new EncodeFault(path, `expected true or false, got ${described(v)}`);
        return w.byte(v ? 1 : 0);
      case 'int':
        return w.zigzag(integerOf(v, path, 'an int (32-bit)', INT_MIN, INT_MAX));
      case 'long':
      case 'abstract:long':
        return w.zigzag(integerOf(v, path, 'a long (64-bit)', LONG_MIN, LONG_MAX));
      case 'float':
        return w.float32(numberOf(v, path, 'a float'));
      case 'double':
        return w.float64(numberOf(v, path, 'a double'));
      case 'bytes':
        return w.sized(hexOf(v, path));
      case 'fixed':
        return w.bytes(hexOf(v, path, (type as types.FixedType).size));
      case 'string':
        if (typeof v !== 'string') throw new EncodeFault(path, `expected a string, got ${described(v)}`);
        return w.sized(new TextEncoder().encode(v));
      case 'enum': {
        const symbols = (type as types.EnumType).symbols;
        const i = typeof v === 'string' ? symbols.indexOf(v) : -1;
        if (i < 0) throw new EncodeFault(path, `expected one of ${symbols.join(', ')}, got ${described(v)}`);
        return w.zigzag(BigInt(i));
      }
      case 'array': {
        if (!Array.isArray(v)) throw new EncodeFault(path, `expected an array, got ${described(v)}`);
        if (v.length > 0) {
          w.zigzag(BigInt(v.length));
          v.forEach((item, i) => this.write((type as types.ArrayType).itemsType, item, childPath(path, i), depth + 1));
        }
        return w.zigzag(0n);
      }
      case 'map': {
        if (!isObjectInput(v)) throw new EncodeFault(path, `expected an object (a map), got ${described(v)}`);
        const entries = Object.entries(v);
        if (entries.length > 0) {
          w.zigzag(BigInt(entries.length));
          for (const [key, value] of entries) {
            w.sized(new TextEncoder().encode(key));
            this.write((type as types.MapType).valuesType as Type, value, childPath(path, key), depth + 1);
          }
        }
        return w.zigzag(0n);
      }
      case 'record':
      case 'error': {
        const fields = (type as types.RecordType).fields;
        if (!isObjectInput(v)) throw new EncodeFault(path, `expected an object (record ${type.name ?? ''}), got ${described(v)}`);
        const known = new Set(fields.map((f) => f.name));
        const unknown = Object.keys(v).find((k) => !known.has(k));
        if (unknown !== undefined) throw new EncodeFault(childPath(path, unknown), `record ${type.name ?? ''} has no field "${unknown}" (fields: ${fields.map((f) => f.name).join(', ')})`);
        for (const f of fields) {
          if (Object.hasOwn(v, f.name)) this.write(f.type, v[f.name]!, childPath(path, f.name), depth + 1);
          else if (f.defaultValue() !== undefined) w.bytes(f.type.toBuffer(f.defaultValue()));
          else throw new EncodeFault(childPath(path, f.name), `missing field "${f.name}" (it has no default)`);
        }
        return;
      }
      case 'union:wrapped':
      case 'union:unwrapped':
        return this.writeUnion(type as types.WrappedUnionType, v, path, depth);
      default:
        throw new EncodeFault(path, `unsupported Avro type ${type.typeName}`);
    }
  }

  private writeUnion(type: types.WrappedUnionType, v: JsonInput, path: string, depth: number): void {
    const branches = type.types;
    const names = branches.map((b) => b.branchName!);
    let index: number;
    let value: JsonInput = v;
    if (v === null) {
      index = names.indexOf('null');
      if (index < 0) throw new EncodeFault(path, `null is not one of this union's branches (${names.join(', ')})`);
    } else if (isObjectInput(v) && Object.keys(v).length === 1 && names.includes(Object.keys(v)[0]!)) {
      const name = Object.keys(v)[0]!;
      index = names.indexOf(name);
      value = v[name]!;
      path = childPath(path, name);
    } else {
      const others = names.flatMap((n, i) => (n === 'null' ? [] : [i]));
      if (others.length !== 1) throw new EncodeFault(path, `a union of ${names.join(', ')} needs its branch named: {"${names.find((n) => n !== 'null')}": value}`);
      index = others[0]!;
    }
    this.w.zigzag(BigInt(index));
    this.write(branches[index]!, value, path, depth + 1);
  }

  private writeLogical(type: AnnotatedType, v: JsonInput, path: string, depth: number): void {
    const logical = type.logicalType;
    const under = type.underlyingType;
    if (logical === 'decimal') {
      const n = unscaledOf(v, path, type.scale, type.precision);
      const size = under.typeName === 'fixed' ? (under as types.FixedType).size : undefined;
      const bytes = twosComplementBytes(n, path, size);
      return size === undefined ? this.w.sized(bytes) : this.w.bytes(bytes);
    }
    if (isNumberInput(v)) return this.write(under, v, path, depth);
    if (typeof v !== 'string') throw new EncodeFault(path, `expected a ${logical} value, got ${described(v)}`);
    const unit = logical.slice(logical.lastIndexOf('-') + 1);
    let n: bigint;
    if (logical === 'date') n = dateDays(v, path);
    else if (logical.startsWith('time-')) n = timeOfDayCount(v, path, PER_SECOND[unit]!);
    else n = instantCount(v, path, PER_SECOND[unit]!, !logical.startsWith('local-'));
    if (under.typeName === 'int') {
      if (n < INT_MIN || n > INT_MAX) throw new EncodeFault(path, `${v} is out of range for ${logical}`);
    } else if (n < LONG_MIN || n > LONG_MAX) throw new EncodeFault(path, `${v} is out of range for ${logical}`);
    this.w.zigzag(n);
  }
}

/** The Avro binary of `value` under `schema`; a fault names the path of the first wrong value. */
export function encodeAvro(value: JsonInput, schema: AvroSchema): Uint8Array {
  const writer = new AvroWriter();
  writer.write(schema.type, value, '', 0);
  return writer.w.result();
}
