// MessagePack to exact JSON text with @msgpack/msgpack. 64-bit integers are read as bigint
// (useBigInt64) and written as bare integers; bin is lowercase hex; the timestamp extension (-1)
// becomes an ISO-8601 instant with its nanoseconds (annotated with the extension's bytes); any other
// extension is {"ext": type, "data": hex}. MessagePack map keys may be of any type and a JavaScript
// object would move integer-like keys first, so every key is tagged with a one-character prefix on
// the way in (keeping wire order) and written as text: strings as they are, numbers as digits, other
// keys as their JSON text.
import { decode, ExtData, ExtensionCodec } from '@msgpack/msgpack';
import { toHex } from './byte-reader';
import { jsonText, pointer, type JsonTree } from './json-tree';
import { isoInstant } from './logical-values';
import { DecodeFault, guarded, type Annotation, type DecodeOutcome } from './result';

const MAX_DEPTH = 1000;

/** The timestamp extension's payload, kept exact (seconds can be 64-bit). */
class Timestamp {
  constructor(
    readonly seconds: bigint,
    readonly nanos: number,
    readonly data: Uint8Array,
  ) {}
}

function readTimestamp(data: Uint8Array): Timestamp {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  switch (data.length) {
    case 4:
      return new Timestamp(BigInt(view.getUint32(0)), 0, data);
    case 8: {
      const hi = view.getUint32(0);
      const lo = view.getUint32(4);
      return new Timestamp((BigInt(hi & 0x3) << 32n) | BigInt(lo), hi >>> 2, data);
    }
    case 12:
      return new Timestamp(view.getBigInt64(4), view.getUint32(0), data);
    default:
      throw new DecodeFault(`timestamp extension of ${data.length} bytes (4, 8 or 12 expected)`);
  }
}

const extensionCodec = new ExtensionCodec();
extensionCodec.register({ type: -1, encode: () => null, decode: (data) => readTimestamp(data) });

/** Tags a map key so the object keeps wire order and the key's kind: s(tring), n(umber), j(son). */
function tagKey(key: unknown): string {
  if (typeof key === 'string') return `s${key}`;
  if (typeof key === 'number' || typeof key === 'bigint') return `n${key}`;
  return `j${jsonText(toTree(key, '', 0, []))}`;
}

function toTree(value: unknown, path: string, depth: number, annotations: Annotation[]): JsonTree {
  if (depth > MAX_DEPTH) throw new DecodeFault(`nested deeper than ${MAX_DEPTH} levels at ${path}`);
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') return value;
  if (value instanceof Uint8Array) return toHex(value);
  if (value instanceof Timestamp) {
    const iso = isoInstant(value.seconds * 1_000_000_000n + BigInt(value.nanos), 1_000_000_000n);
    if (iso === null) return new Map<string, JsonTree>([['seconds', value.seconds], ['nanos', value.nanos]]);
    annotations.push({ path, logicalType: 'timestamp', raw: toHex(value.data) });
    return iso;
  }
  // The decoder always hands ExtData its bytes; the function form is for encoding only.
  if (value instanceof ExtData) return new Map<string, JsonTree>([['ext', value.type], ['data', typeof value.data === 'function' ? null : toHex(value.data)]]);
  if (Array.isArray(value)) return value.map((item, i) => toTree(item, pointer(path, i), depth + 1, annotations));
  if (typeof value === 'object') {
    const out = new Map<string, JsonTree>();
    for (const [tagged, item] of Object.entries(value)) {
      const key = tagged.slice(1);
      out.set(key, toTree(item, pointer(path, key), depth + 1, annotations));
    }
    return out;
  }
  throw new DecodeFault(`unexpected MessagePack value of type ${typeof value} at ${path}`);
}

export function decodeMsgpack(bytes: Uint8Array): DecodeOutcome {
  return guarded('msgpack', undefined, () => {
    let value: unknown;
    try {
      value = decode(bytes, { useBigInt64: true, extensionCodec, mapKeyConverter: tagKey });
    } catch (err) {
      if (err instanceof DecodeFault) throw err;
      throw new DecodeFault(`not MessagePack: ${err instanceof Error ? err.message : String(err)}`);
    }
    const annotations: Annotation[] = [];
    const json = jsonText(toTree(value, '', 0, annotations));
    return { format: 'msgpack', json, annotations, notes: [] };
  });
}
