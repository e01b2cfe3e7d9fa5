// Encoding a value typed as JSON with a registry schema, framed as Confluent's serializers frame it
// (magic byte 0, the schema id big-endian, for Protobuf the message-index array — [0], the first
// message, written as the single byte 0 — then the payload). The inverse of lib/decode's registry
// path: what the browser shows for a record can be typed back and produced. Never throws for bad
// input: a failure names the JSON Pointer of the value at fault.
import type { CompiledSchema } from '../decode/formats';
import { encodeAvro } from './avro-encode';
import { EncodeFault, parseJsonInput, type EncodeFailure } from './json-input';
import { jsonSchemaFailure } from './json-schema-check';
import { encodeProtobuf } from './protobuf-encode';

export type { EncodeFailure } from './json-input';

function framed(id: number, payload: Uint8Array, indexes: Uint8Array | null): Uint8Array {
  const out = new Uint8Array(5 + (indexes?.length ?? 0) + payload.length);
  out[0] = 0;
  new DataView(out.buffer).setUint32(1, id, false);
  if (indexes) out.set(indexes, 5);
  out.set(payload, 5 + (indexes?.length ?? 0));
  return out;
}

/**
 * `text` (JSON) encoded with schema `id`: `compiled` for Avro and Protobuf, `schemaText` (the
 * registry's schema) for JSON Schema. The bytes to produce, or where and why the value is wrong.
 */
export function encodeWithSchema(text: string, id: number, compiled: CompiledSchema, schemaText: string): Uint8Array | EncodeFailure {
  const parsed = parseJsonInput(text);
  if ('error' in parsed) return parsed;
  const { value } = parsed;
  try {
    switch (compiled.schemaType) {
      case 'AVRO':
        return framed(id, encodeAvro(value, compiled.avro), null);
      case 'PROTOBUF': {
        const type = compiled.protobuf.messages[0];
        if (!type) return { path: '', error: 'the Protobuf schema declares no message' };
        return framed(id, encodeProtobuf(value, type), Uint8Array.of(0));
      }
      case 'JSON': {
        const failure = jsonSchemaFailure(id, schemaText, compiled.references, value);
        if (failure) return failure;
        return framed(id, new TextEncoder().encode(text.trim()), null);
      }
    }
  } catch (err) {
    if (err instanceof EncodeFault) return { path: err.path, error: err.message };
    return { path: '', error: `the value could not be encoded: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export function isEncodeFailure(x: Uint8Array | EncodeFailure): x is EncodeFailure {
  return !(x instanceof Uint8Array);
}
