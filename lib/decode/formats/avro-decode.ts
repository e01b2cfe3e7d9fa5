// Avro binary to exact JSON text, reading the bytes by walking the schema avsc parsed. Reading here
// rather than with avsc's fromBuffer keeps every long exact (as bigint) without a custom long type,
// keeps map entries in wire order, bounds the work a hostile record can cause (a block count of
// 2^62 nulls costs no bytes), and names the path at which bytes went wrong.
// The JSON follows Avro's JSON encoding where JSON allows it: a union value is {"branch": value}
// (null stays null), an enum its symbol; bytes and fixed are lowercase hex. Logical types are shown
// in a readable form with the encoded value kept as an annotation: decimals as exact decimal
// strings, timestamps as ISO-8601 instants, dates as YYYY-MM-DD, times of day as HH:MM:SS.fff.
import { Type, types } from 'avsc';
import { ByteReader, float32Text, toHex, utf8Strict } from './byte-reader';
import { jsonText, pointer, RawJson, type JsonTree } from './json-tree';
import { decimalText, isoDate, isoInstant, isoTimeOfDay, twosComplement } from './logical-values';
import { AnnotatedType, type AvroSchema } from './avro-schema';
import { DecodeFault, guarded, type Annotation, type DecodeOutcome } from './result';

/** Array items plus map entries one record may hold before it is taken as hostile. */
const MAX_ITEMS = 1_000_000;
/** Nesting depth (recursive schemas) one record may reach. */
const MAX_DEPTH = 256;

const PER_SECOND: Record<string, bigint> = { millis: 1000n, micros: 1_000_000n, nanos: 1_000_000_000n };

class AvroReader {
  readonly annotations: Annotation[] = [];
  private items = 0;

  constructor(private readonly r: ByteReader) {}

  private countItems(n: number, path: string): void {
    this.items += n;
    if (this.items > MAX_ITEMS) throw new DecodeFault(`more than ${MAX_ITEMS} array items and map entries (at ${path || '/'})`);
  }

  read(type: Type, path: string, depth: number): JsonTree {
    if (depth > MAX_DEPTH) throw new DecodeFault(`nested deeper than ${MAX_DEPTH} levels at ${path}`);
    if (type instanceof AnnotatedType) return this.readLogical(type, path, depth);
    const r = this.r;
    const at = path || '/';
    switch (type.typeName) {
      case 'null':
        return null;
      case 'boolean': {
        const b = r.byte(`boolean at ${at}`);
        if (b > 1) throw new DecodeFault(`invalid boolean byte ${b} at ${at}`);
        return b === 1;
      }
      case 'int': {
        const n = r.zigzag(`int at ${at}`);
        if (n < -0x80000000n || n > 0x7fffffffn) throw new DecodeFault(`int out of 32-bit range at ${at}`);
        return Number(n);
      }
      case 'long':
      case 'abstract:long':
        return r.zigzag(`long at ${at}`);
      case 'float': {
        const x = r.float32(`float at ${at}`);
        const text = float32Text(x);
        return text === null ? x : new RawJson(text);
      }
      case 'double':
        return r.float64(`double at ${at}`);
      case 'bytes':
        return toHex(r.take(r.length(`bytes length at ${at}`), `bytes at ${at}`));
      case 'string':
        return utf8Strict(r.take(r.length(`string length at ${at}`), `string at ${at}`), `string at ${at}`);
      case 'fixed':
        return toHex(r.take((type as types.FixedType).size, `fixed at ${at}`));
      case 'enum': {
        const symbols = (type as types.EnumType).symbols;
        const i = r.zigzag(`enum index at ${at}`);
        if (i < 0n || i >= BigInt(symbols.length)) throw new DecodeFault(`enum index ${i} out of range (${symbols.length} symbols) at ${at}`);
        return symbols[Number(i)]!;
      }
      case 'array': {
        const itemsType = (type as types.ArrayType).itemsType;
        const out: JsonTree[] = [];
        this.blocks(at, () => out.push(this.read(itemsType, pointer(path, out.length), depth + 1)));
        return out;
      }
      case 'map': {
        const valuesType = (type as types.MapType).valuesType as Type;
        const out = new Map<string, JsonTree>();
        this.blocks(at, () => {
          const key = utf8Strict(r.take(r.length(`map key length at ${at}`), `map key at ${at}`), `map key at ${at}`);
          out.set(key, this.read(valuesType, pointer(path, key), depth + 1));
        });
        return out;
      }
      case 'record':
      case 'error': {
        const out = new Map<string, JsonTree>();
        for (const field of (type as types.RecordType).fields) out.set(field.name, this.read(field.type, pointer(path, field.name), depth + 1));
        return out;
      }
      case 'union:wrapped':
      case 'union:unwrapped': {
        const branches = (type as types.WrappedUnionType).types;
        const i = r.zigzag(`union branch at ${at}`);
        if (i < 0n || i >= BigInt(branches.length)) throw new DecodeFault(`union branch ${i} out of range (${branches.length} branches) at ${at}`);
        const branch = branches[Number(i)]!;
        const name = branch.branchName!;
        if (name === 'null') return null;
        return new Map([[name, this.read(branch, pointer(path, name), depth + 1)]]);
      }
      default:
        throw new DecodeFault(`unsupported Avro type ${type.typeName} at ${at}`);
    }
  }

  /** Reads array or map blocks: a count (negative: followed by the block's byte size), 0 ends. */
  private blocks(at: string, readItem: () => void): void {
    for (;;) {
      let count = this.r.zigzag(`block count at ${at}`);
      if (count === 0n) return;
      if (count < 0n) {
        count = -count;
        this.r.zigzag(`block size at ${at}`);
      }
      if (count > BigInt(MAX_ITEMS)) throw new DecodeFault(`block of ${count} items at ${at}`);
      this.countItems(Number(count), at);
      for (let i = 0; i < Number(count); i++) readItem();
    }
  }

  private readLogical(type: AnnotatedType, path: string, depth: number): JsonTree {
    const raw = this.read(type.underlyingType, path, depth);
    const logical = type.logicalType;
    let shown: string | null = null;
    let rawText: string;
    if (logical === 'decimal') {
      rawText = raw as string;
      shown = decimalText(twosComplement(hexBytes(rawText)), type.scale);
    } else {
      const n = BigInt(raw as number | bigint);
      rawText = n.toString();
      const unit = logical.slice(logical.lastIndexOf('-') + 1);
      if (logical === 'date') shown = isoDate(n);
      else if (logical.startsWith('time-')) shown = isoTimeOfDay(n, PER_SECOND[unit]!);
      else shown = isoInstant(n, PER_SECOND[unit]!, !logical.startsWith('local-'));
    }
    if (shown === null) return raw; // out of range: the number as it is
    this.annotations.push({ path, logicalType: logical, raw: rawText });
    return shown;
  }
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Decodes the Avro binary `bytes` (no framing) written with `schema`. Never throws. */
export function decodeAvro(bytes: Uint8Array, schema: AvroSchema, schemaId?: number): DecodeOutcome {
  return guarded('avro', schemaId, () => {
    const r = new ByteReader(bytes);
    const reader = new AvroReader(r);
    const tree = reader.read(schema.type, '', 0);
    if (!r.atEnd()) throw new DecodeFault(`${r.remaining} byte(s) left after the ${schema.typeName} value`);
    return {
      format: 'avro',
      json: jsonText(tree),
      typeName: schema.typeName,
      annotations: reader.annotations,
      notes: [],
      ...(schemaId !== undefined && { schemaId }),
    };
  });
}
