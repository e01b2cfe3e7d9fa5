// JSON typed by a person, encoded as a Protobuf message with protobufjs: field names as the .proto
// writes them, enums by name (or number), 64-bit integers exact (given as numbers or strings), bytes
// as hex (as the decoder shows them) or base64, nested messages as objects. Every field is checked
// first, so an unknown field or enum name, or a value of the wrong type, is an error naming its path
// (protobufjs' fromObject would drop the first and zero the second without a word).
import protobuf from 'protobufjs';
import { EncodeFault, childPath, described, integerOf, isNumberInput, isObjectInput, numberOf, type JsonInput } from './json-input';

const RANGES: Record<string, [bigint, bigint, string]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n, 'an int32'],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n, 'a sint32'],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n, 'an sfixed32'],
  uint32: [0n, 2n ** 32n - 1n, 'a uint32'],
  fixed32: [0n, 2n ** 32n - 1n, 'a fixed32'],
  int64: [-(2n ** 63n), 2n ** 63n - 1n, 'an int64'],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n, 'a sint64'],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n, 'an sfixed64'],
  uint64: [0n, 2n ** 64n - 1n, 'a uint64'],
  fixed64: [0n, 2n ** 64n - 1n, 'a fixed64'],
};
const MAX_DEPTH = 100;

/** A checked scalar in the form protobufjs' fromObject takes (64-bit ones as decimal strings). */
function scalar(type: string, v: JsonInput, path: string): unknown {
  const range = RANGES[type];
  if (range) {
    const n = integerOf(v, path, range[2], range[0], range[1]);
    return type.endsWith('64') ? n.toString() : Number(n);
  }
  switch (type) {
    case 'double':
    case 'float':
      return numberOf(v, path, `a ${type}`);
    case 'bool':
      if (typeof v !== 'boolean') throw new EncodeFault(path, `expected true or false, got ${described(v)}`);
      return v;
    case 'string':
      if (typeof v !== 'string') throw new EncodeFault(path, `expected a string, got ${described(v)}`);
      return v;
    case 'bytes':
      if (typeof v !== 'string') throw new EncodeFault(path, `expected bytes as hex or base64, got ${described(v)}`);
      return /^(?:[0-9a-fA-F]{2})*$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
    default:
      throw new EncodeFault(path, `unsupported field type ${type}`);
  }
}

function single(field: protobuf.Field, v: JsonInput, path: string, depth: number): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) {
    if (typeof v === 'string' && Object.hasOwn(resolved.values, v)) return resolved.values[v];
    if (isNumberInput(v) && Object.values(resolved.values).includes(Number(v.value))) return Number(v.value);
    throw new EncodeFault(path, `expected one of ${Object.keys(resolved.values).join(', ')}, got ${described(v)}`);
  }
  if (resolved instanceof protobuf.Type) return message(resolved, v, path, depth + 1);
  return scalar(field.type, v, path);
}

function message(type: protobuf.Type, v: JsonInput, path: string, depth: number): Record<string, unknown> {
  if (depth > MAX_DEPTH) throw new EncodeFault(path, `nested deeper than ${MAX_DEPTH} levels`);
  if (!isObjectInput(v)) throw new EncodeFault(path, `expected an object (message ${type.fullName.slice(1)}), got ${described(v)}`);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(v)) {
    const field = type.fields[name];
    const at = childPath(path, name);
    if (!field) throw new EncodeFault(at, `message ${type.fullName.slice(1)} has no field "${name}" (fields: ${Object.keys(type.fields).join(', ')})`);
    field.resolve();
    if (value === null) continue;
    if (field instanceof protobuf.MapField) {
      if (!isObjectInput(value)) throw new EncodeFault(at, `expected an object (a map), got ${described(value)}`);
      out[name] = Object.fromEntries(Object.entries(value).map(([k, x]) => [k, single(field, x, childPath(at, k), depth)]));
    } else if (field.repeated) {
      if (!Array.isArray(value)) throw new EncodeFault(at, `expected an array (repeated ${field.type}), got ${described(value)}`);
      out[name] = value.map((x, i) => single(field, x, childPath(at, i), depth));
    } else {
      out[name] = single(field, value, at, depth);
    }
  }
  return out;
}

/** The Protobuf bytes of `value` as message `type`; a fault names the path of the first wrong value. */
export function encodeProtobuf(value: JsonInput, type: protobuf.Type): Uint8Array {
  const checked = message(type, value, '', 0);
  return type.encode(type.fromObject(checked)).finish();
}
