// Protobuf binary to exact JSON text, reading the wire format by walking protobufjs's reflection of
// the schema. protobufjs's own decode would drop unknown fields and hand 64-bit integers over as
// Long objects; reading here keeps both: every field the bytes carry is shown, known ones by their
// declared name (enums by value name), the others under "<unknown>" with their number and wire type.
// What the JSON looks like:
// - only fields present on the wire appear (no defaults filled in), in declaration order;
// - 64-bit integers are bare exact integers, bytes are lowercase hex, floats their shortest form;
// - repeated fields are arrays (packed or not), maps are objects, a field repeated on the wire that
//   is not repeated keeps its last value (embedded messages merge, as Protobuf specifies) and only the
//   last member of a oneof set on the wire is shown;
// - google.protobuf.Any is unpacked when its type URL names a message of the schema:
//   {"@type": url, ...fields}; otherwise it stays {type_url, value};
// - "<unknown>": [{"field": 7, "wireType": 0, "value": 150}] lists fields the schema does not declare
//   (varints as unsigned integers, fixed64/fixed32 as unsigned integers, length-delimited as hex,
//   groups as the list of what they contain).
import protobuf from 'protobufjs';
import { ByteReader, float32Text, toHex, utf8Strict } from './byte-reader';
import { readMessageIndexes } from './confluent-frame';
import { jsonText, pointer, RawJson, type JsonObject, type JsonTree } from './json-tree';
import { messageTypeByIndexes, messageTypeByName, type ProtobufSchema } from './protobuf-schema';
import { DecodeFault, guarded, type DecodeOutcome } from './result';

const MAX_DEPTH = 100; // protobuf's own default recursion limit

const WIRE = { varint: 0, fixed64: 1, len: 2, groupStart: 3, groupEnd: 4, fixed32: 5 } as const;

const VARINT_TYPES = new Set(['int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'bool']);
const FIXED64_TYPES = new Set(['fixed64', 'sfixed64', 'double']);
const FIXED32_TYPES = new Set(['fixed32', 'sfixed32', 'float']);

/** The wire type a value of this field type is written with (enums are varints, messages length-delimited). */
function wireTypeOf(type: string, resolved: protobuf.Type | protobuf.Enum | null, delimited: boolean): number {
  if (VARINT_TYPES.has(type) || resolved instanceof protobuf.Enum) return WIRE.varint;
  if (FIXED64_TYPES.has(type)) return WIRE.fixed64;
  if (FIXED32_TYPES.has(type)) return WIRE.fixed32;
  if (resolved instanceof protobuf.Type && delimited) return WIRE.groupStart;
  return WIRE.len;
}

/** A field occurrence on the wire, kept until the whole message is read. */
interface Seen {
  values: JsonTree[];
  /** Raw bytes of each occurrence of a singular embedded message, merged before decoding. */
  messageParts: Uint8Array[];
  lastSeen: number;
}

class ProtoReader {
  readonly notes: string[] = [];

  constructor(
    private readonly schema: ProtobufSchema,
    private readonly unpackAny = true,
  ) {}

  /** Reads fields from `r` until its end (or, for a group, until the matching end-group tag). */
  message(r: ByteReader, type: protobuf.Type, path: string, depth: number, group?: number): JsonObject {
    if (depth > MAX_DEPTH) throw new DecodeFault(`nested deeper than ${MAX_DEPTH} messages at ${path || '/'}`);
    if (this.unpackAny && type.fullName === '.google.protobuf.Any' && group === undefined) {
      const unpacked = this.any(r, path, depth);
      if (unpacked) return unpacked;
    }
    const seen = new Map<protobuf.Field, Seen>();
    const unknown: JsonTree[] = [];
    let order = 0;
    for (;;) {
      if (r.atEnd()) {
        if (group !== undefined) throw new DecodeFault(`group ${group} at ${path || '/'} has no end`);
        break;
      }
      const { field: number, wireType } = this.tag(r, path);
      if (wireType === WIRE.groupEnd) {
        if (group === number) break;
        throw new DecodeFault(`unexpected end of group ${number} at ${path || '/'}`);
      }
      const field = type.fieldsById[number];
      if (!field || !this.accepts(field, wireType)) {
        unknown.push(this.unknownField(r, number, wireType, path, depth));
        continue;
      }
      let entry = seen.get(field);
      if (!entry) seen.set(field, (entry = { values: [], messageParts: [], lastSeen: 0 }));
      entry.lastSeen = order++;
      this.fieldValue(r, field, wireType, entry, pointer(path, field.name), depth);
    }
    return this.assemble(type, seen, unknown, path, depth);
  }

  private tag(r: ByteReader, path: string): { field: number; wireType: number } {
    const tag = r.uvarint(`a field tag at ${path || '/'}`);
    const field = Number(tag >> 3n);
    const wireType = Number(tag & 7n);
    if (field === 0 || tag >> 3n > 0x1fffffffn) throw new DecodeFault(`invalid field number ${tag >> 3n} at ${path || '/'}`);
    if (wireType > 5) throw new DecodeFault(`invalid wire type ${wireType} for field ${field} at ${path || '/'}`);
    return { field, wireType };
  }

  /** Whether a known field may be read from this wire type (else it is shown as unknown, as parsers do). */
  private accepts(field: protobuf.Field, wireType: number): boolean {
    if (field.map) return wireType === WIRE.len;
    const expected = wireTypeOf(field.type, field.resolvedType, field.delimited);
    if (wireType === expected) return true;
    // Repeated scalars may come packed (length-delimited) or not, whatever the schema says.
    return field.repeated && wireType === WIRE.len && expected !== WIRE.len && expected !== WIRE.groupStart;
  }

  private fieldValue(r: ByteReader, field: protobuf.Field, wireType: number, entry: Seen, path: string, depth: number): void {
    if (field.map) {
      entry.values.push(this.mapEntry(r, field as unknown as protobuf.MapField, path, depth));
      return;
    }
    const resolved = field.resolvedType;
    if (resolved instanceof protobuf.Type) {
      if (wireType === WIRE.groupStart) {
        entry.values.push(this.message(r, resolved, field.repeated ? pointer(path, entry.values.length) : path, depth + 1, field.id));
        return;
      }
      const bytes = r.take(r.length32(`length of ${path}`), path);
      if (field.repeated) entry.values.push(this.message(new ByteReader(bytes), resolved, pointer(path, entry.values.length), depth + 1));
      else entry.messageParts.push(bytes);
      return;
    }
    if (wireType === WIRE.len && wireTypeOf(field.type, resolved, false) !== WIRE.len) {
      // Packed repeated scalars: values back to back until the end of the window.
      const bytes = r.take(r.length32(`length of ${path}`), path);
      const packed = new ByteReader(bytes);
      while (!packed.atEnd()) entry.values.push(this.scalar(packed, field, path));
      return;
    }
    entry.values.push(this.scalar(r, field, path));
  }

  private scalar(r: ByteReader, field: { type: string; resolvedType: protobuf.Type | protobuf.Enum | null }, path: string): JsonTree {
    const at = path || '/';
    if (field.resolvedType instanceof protobuf.Enum) {
      const n = Number(BigInt.asIntN(32, r.uvarint(`enum at ${at}`)));
      return field.resolvedType.valuesById[n] ?? n;
    }
    switch (field.type) {
      case 'int32':
        return Number(BigInt.asIntN(32, r.uvarint(`int32 at ${at}`)));
      case 'int64':
        return BigInt.asIntN(64, r.uvarint(`int64 at ${at}`));
      case 'uint32':
        return Number(BigInt.asUintN(32, r.uvarint(`uint32 at ${at}`)));
      case 'uint64':
        return r.uvarint(`uint64 at ${at}`);
      case 'sint32': {
        const u = BigInt.asUintN(32, r.uvarint(`sint32 at ${at}`));
        return Number((u >> 1n) ^ -(u & 1n));
      }
      case 'sint64': {
        const u = r.uvarint(`sint64 at ${at}`);
        return (u >> 1n) ^ -(u & 1n);
      }
      case 'bool':
        return r.uvarint(`bool at ${at}`) !== 0n;
      case 'fixed32':
        return r.uint32LE(`fixed32 at ${at}`);
      case 'sfixed32':
        return r.uint32LE(`sfixed32 at ${at}`) | 0;
      case 'float': {
        const x = r.float32(`float at ${at}`);
        const text = float32Text(x);
        return text === null ? x : new RawJson(text);
      }
      case 'fixed64':
        return r.uint64LE(`fixed64 at ${at}`);
      case 'sfixed64':
        return BigInt.asIntN(64, r.uint64LE(`sfixed64 at ${at}`));
      case 'double':
        return r.float64(`double at ${at}`);
      case 'string':
        return utf8Strict(r.take(r.length32(`string length at ${at}`), `string at ${at}`), `string at ${at}`);
      case 'bytes':
        return toHex(r.take(r.length32(`bytes length at ${at}`), `bytes at ${at}`));
      default:
        throw new DecodeFault(`unsupported field type ${field.type} at ${at}`);
    }
  }

  /** A map entry: a small message with the key as field 1 and the value as field 2. */
  private mapEntry(r: ByteReader, field: protobuf.MapField, path: string, depth: number): [string, JsonTree] {
    const entry = new ByteReader(r.take(r.length32(`map entry length at ${path}`), `map entry at ${path}`));
    let key: JsonTree | undefined;
    let value: JsonTree | undefined;
    const keyField = { type: field.keyType, resolvedType: null };
    while (!entry.atEnd()) {
      const { field: number, wireType } = this.tag(entry, path);
      if (number === 1 && wireType === wireTypeOf(field.keyType, null, false)) key = this.scalar(entry, keyField, `${path} key`);
      else if (number === 2 && wireType === wireTypeOf(field.type, field.resolvedType, false)) {
        const resolved = field.resolvedType;
        const keyText = key === undefined ? '' : String(key);
        value =
          resolved instanceof protobuf.Type
            ? this.message(new ByteReader(entry.take(entry.length32(`map value length at ${path}`), `map value at ${path}`)), resolved, pointer(path, keyText), depth + 1)
            : this.scalar(entry, field, path);
      } else this.unknownField(entry, number, wireType, path, depth);
    }
    return [mapKeyText(key, field.keyType), value ?? defaultValue(field)];
  }

  private unknownField(r: ByteReader, field: number, wireType: number, path: string, depth: number): JsonTree {
    const at = path || '/';
    let value: JsonTree;
    switch (wireType) {
      case WIRE.varint:
        value = r.uvarint(`unknown field ${field} at ${at}`);
        break;
      case WIRE.fixed64:
        value = r.uint64LE(`unknown field ${field} at ${at}`);
        break;
      case WIRE.fixed32:
        value = r.uint32LE(`unknown field ${field} at ${at}`);
        break;
      case WIRE.len:
        value = toHex(r.take(r.length32(`length of unknown field ${field} at ${at}`), `unknown field ${field} at ${at}`));
        break;
      case WIRE.groupStart: {
        if (depth >= MAX_DEPTH) throw new DecodeFault(`nested deeper than ${MAX_DEPTH} groups at ${at}`);
        const inner: JsonTree[] = [];
        for (;;) {
          if (r.atEnd()) throw new DecodeFault(`group ${field} at ${at} has no end`);
          const t = this.tag(r, path);
          if (t.wireType === WIRE.groupEnd) {
            if (t.field !== field) throw new DecodeFault(`group ${field} at ${at} ends as ${t.field}`);
            break;
          }
          inner.push(this.unknownField(r, t.field, t.wireType, path, depth + 1));
        }
        value = inner;
        break;
      }
      default:
        throw new DecodeFault(`unexpected wire type ${wireType} for field ${field} at ${at}`);
    }
    return new Map<string, JsonTree>([
      ['field', field],
      ['wireType', wireType],
      ['value', value],
    ]);
  }

  /** Puts the fields seen into declaration order, applying Protobuf's last-one-wins rules. */
  private assemble(type: protobuf.Type, seen: Map<protobuf.Field, Seen>, unknown: JsonTree[], path: string, depth: number): JsonObject {
    // Of a oneof, only the member set last counts.
    for (const oneof of type.oneofsArray) {
      const members = oneof.fieldsArray.filter((f) => seen.has(f));
      if (members.length < 2) continue;
      const last = members.reduce((a, b) => (seen.get(a)!.lastSeen > seen.get(b)!.lastSeen ? a : b));
      for (const m of members) if (m !== last) seen.delete(m);
    }
    const out: JsonObject = new Map();
    for (const field of type.fieldsArray) {
      const entry = seen.get(field);
      if (!entry) continue;
      if (field.map) out.set(field.name, new Map(entry.values as unknown as [string, JsonTree][]));
      else if (field.repeated) out.set(field.name, entry.values);
      else if (entry.messageParts.length > 0) {
        const parts = entry.messageParts;
        const merged = parts.length === 1 ? parts[0]! : concat(parts);
        out.set(field.name, this.message(new ByteReader(merged), field.resolvedType as protobuf.Type, pointer(path, field.name), depth + 1));
      } else out.set(field.name, entry.values[entry.values.length - 1]!);
    }
    if (unknown.length > 0) out.set('<unknown>', unknown);
    return out;
  }

  /** google.protobuf.Any with a type the schema knows, as {"@type": url, ...fields}; null (read it
   * as a plain message) when it holds anything else or its type is not in the schema. */
  private any(r: ByteReader, path: string, depth: number): JsonObject | null {
    const scan = new ByteReader(r.bytes, r.pos, r.end);
    let url: string | undefined;
    const parts: Uint8Array[] = [];
    try {
      while (!scan.atEnd()) {
        const { field, wireType } = this.tag(scan, path);
        if (wireType !== WIRE.len || (field !== 1 && field !== 2)) return null;
        const bytes = scan.take(scan.length32(`Any field length at ${path || '/'}`), `Any field at ${path || '/'}`);
        if (field === 1) url = utf8Strict(bytes, `Any type URL at ${path || '/'}`);
        else parts.push(bytes);
      }
      if (url === undefined) return null;
      const inner = messageTypeByName(this.schema, url.slice(url.lastIndexOf('/') + 1));
      if (!inner) {
        this.notes.push(`${path || '/'}: Any of ${url}, a type the schema does not define, is shown packed`);
        return null;
      }
      const unpacked = this.message(new ByteReader(concat(parts)), inner, path, depth + 1);
      r.pos = r.end;
      return new Map<string, JsonTree>([['@type', url], ...unpacked]);
    } catch (err) {
      if (!(err instanceof DecodeFault)) throw err;
      this.notes.push(`${path || '/'}: Any of ${url ?? 'an unreadable type'} does not unpack (${err.message}); shown packed`);
      return null;
    }
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function mapKeyText(key: JsonTree | undefined, keyType: string): string {
  if (key === undefined) return keyType === 'string' ? '' : keyType === 'bool' ? 'false' : '0';
  return String(key);
}

function defaultValue(field: protobuf.MapField): JsonTree {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return new Map();
  if (resolved instanceof protobuf.Enum) return resolved.valuesById[0] ?? 0;
  switch (field.type) {
    case 'string':
      return '';
    case 'bytes':
      return '';
    case 'bool':
      return false;
    default:
      return 0;
  }
}

/** Decodes `bytes` (no framing) as the message `messageType` (a full name or a type of the schema).
 * `unpackAny` false leaves google.protobuf.Any packed (Kafdrop's PROTOBUFDESC_PARSEANYPROTO off). */
export function decodeProtobuf(bytes: Uint8Array, schema: ProtobufSchema, messageType: string | protobuf.Type, schemaId?: number, unpackAny = true): DecodeOutcome {
  return guarded('protobuf', schemaId, () => {
    const type = typeof messageType === 'string' ? messageTypeByName(schema, messageType) : messageType;
    if (!type) throw new DecodeFault(`message type ${String(messageType)} is not in the schema`);
    const reader = new ProtoReader(schema, unpackAny);
    const tree = reader.message(new ByteReader(bytes), type, '', 0);
    return {
      format: 'protobuf',
      json: jsonText(tree),
      typeName: type.fullName.replace(/^\./, ''),
      annotations: [],
      notes: reader.notes,
      ...(schemaId !== undefined && { schemaId }),
    };
  });
}

/**
 * Decodes a Confluent Protobuf payload (what follows the 5-byte header): the message-index array
 * picks the message type. Clients that write no index array (@kafkajs/confluent-schema-registry) are
 * read as the first message of the schema when the indexes do not lead to a type that reads the bytes.
 */
export function decodeProtobufFramed(payload: Uint8Array, schema: ProtobufSchema, schemaId: number): DecodeOutcome {
  const framed = readMessageIndexes(payload);
  const type = framed && messageTypeByIndexes(schema, framed.indexes);
  if (framed && type) {
    const outcome = decodeProtobuf(framed.body, schema, type, schemaId);
    if (!('error' in outcome)) return { ...outcome, messageIndexes: framed.indexes };
    if (!schema.messages[0]) return outcome;
    const fallback = decodeProtobuf(payload, schema, schema.messages[0], schemaId);
    return 'error' in fallback ? outcome : { ...fallback, notes: [...fallback.notes, 'no message-index array: read as the first message of the schema'] };
  }
  const first = schema.messages[0];
  if (!first) return { format: 'protobuf', error: 'the schema defines no message', schemaId };
  const outcome = decodeProtobuf(payload, schema, first, schemaId);
  return 'error' in outcome ? outcome : { ...outcome, notes: [...outcome.notes, 'no message-index array: read as the first message of the schema'] };
}
