// The one decode step (STYLE §9): a key or value's bytes, the format chosen for it, and the registry
// schemas already resolved for the page become what the browser shows and what search matches. It
// is synchronous on purpose: the caller resolves the distinct schema ids of a page or a search chunk
// first (lib/kafka/formats), so no record waits on its own HTTP request. Nothing here throws for bad
// bytes: a record that does not decode keeps its raw bytes and gets an error badge with the reason.
import type { MessageFormat, Payload, PayloadSchemaRef } from '../schemas/message';
import {
  confluentFrame,
  decodeFramed,
  decodeInt32BE,
  decodeInt64BE,
  decodeMsgpack,
  isDecodeFailure,
  type CompiledSchema,
  type DecodeOutcome,
  type RegistrySchemaType,
} from './formats';
import type protobuf from 'protobufjs';
import { decodeProtobuf, type ProtobufSchema } from './formats';
import { decodePayload, utf8OrNull } from './payload';
import { capText, base64Of } from './text-cap';

/** A registry schema, fetched and compiled once per id. */
export interface ResolvedSchema {
  id: number;
  type: RegistrySchemaType;
  compiled: CompiledSchema;
  subject?: string;
  version?: number;
}

/** What the page's registry answered for an id; null when the cluster has no registry. */
export type SchemaLookup = ((id: number) => ResolvedSchema | { error: string }) | null;

/** A Protobuf message type from descriptor files (Kafdrop's PROTOBUFDESC_DIRECTORY) for a topic's
 * values that are not Confluent-framed, or why there is none. */
export type DescriptorChoice = { schema: ProtobufSchema; type: protobuf.Type; unpackAny: boolean; source: string } | { error: string };

/** How one response decodes its records: a format for keys, one for values, and the schemas. */
export interface DecodeChoice {
  keyFormat: MessageFormat;
  valueFormat: MessageFormat;
  lookup: SchemaLookup;
  /** Values in `protobuf` without Confluent framing are read with this (absent: no descriptor files). */
  valueDescriptor?: DescriptorChoice;
}

export const PLAIN_DECODING: DecodeChoice = { keyFormat: 'auto', valueFormat: 'auto', lookup: null };

/** The outcome of decoding one payload, before it is cut to a response's cap. */
export type Decision =
  /** Today's detection: JSON, text or binary. */
  | { kind: 'plain' }
  | { kind: 'text'; notes?: string[] }
  | { kind: 'binary' }
  | { kind: 'decoded'; encoding: DecodedEncoding; json: string; schema?: PayloadSchemaRef; notes: string[] }
  | { kind: 'failed'; error: string; schema?: PayloadSchemaRef };

type DecodedEncoding = 'json' | 'avro' | 'protobuf' | 'json-schema' | 'msgpack' | 'int' | 'long';

const REGISTRY_FORMATS: ReadonlySet<MessageFormat> = new Set(['auto', 'avro', 'protobuf', 'json-schema']);
const WANTED_TYPE: Partial<Record<MessageFormat, RegistrySchemaType>> = { avro: 'AVRO', protobuf: 'PROTOBUF', 'json-schema': 'JSON' };
const ENCODING_OF_TYPE: Record<RegistrySchemaType, DecodedEncoding> = { AVRO: 'avro', PROTOBUF: 'protobuf', JSON: 'json-schema' };

/** The schema id this payload needs resolved under `format`, if any. */
export function schemaIdOf(bytes: Uint8Array | null | undefined, format: MessageFormat): number | null {
  if (!bytes || !REGISTRY_FORMATS.has(format)) return null;
  return confluentFrame(bytes)?.schemaId ?? null;
}

function refOf(s: ResolvedSchema): PayloadSchemaRef {
  return { id: s.id, type: s.type, ...(s.subject !== undefined && { subject: s.subject }), ...(s.version !== undefined && { version: s.version }) };
}

function fromOutcome(outcome: DecodeOutcome, encoding: DecodedEncoding, schema?: PayloadSchemaRef): Decision {
  if (isDecodeFailure(outcome)) return { kind: 'failed', error: `${encoding}: ${outcome.error}`, ...(schema && { schema }) };
  return { kind: 'decoded', encoding, json: outcome.json, notes: outcome.notes, ...(schema && { schema }) };
}

function decodeRegistry(bytes: Uint8Array, format: MessageFormat, lookup: SchemaLookup): Decision {
  const frame = confluentFrame(bytes);
  const wanted = WANTED_TYPE[format];
  if (!frame) {
    if (format === 'auto') return { kind: 'plain' };
    const why = bytes.length < 5 ? `${bytes.length} bytes, too short for the 5-byte header` : `magic byte ${bytes[0]}, schema id ${((bytes[1]! << 24) | (bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!) >>> 0}`;
    return { kind: 'failed', error: `not Confluent-framed (${why}): ${format} needs magic byte 0 and a schema id` };
  }
  if (lookup === null) {
    if (format === 'auto') {
      // No registry to ask: today's detection (framed bytes are then usually binary).
      return { kind: 'plain' };
    }
    return { kind: 'failed', error: `schema id ${frame.schemaId}: this cluster has no schema registry configured`, schema: { id: frame.schemaId } };
  }
  const found = lookup(frame.schemaId);
  if ('error' in found) return { kind: 'failed', error: found.error, schema: { id: frame.schemaId } };
  const schema = refOf(found);
  if (wanted && found.type !== wanted) return { kind: 'failed', error: `schema id ${found.id} is a ${found.type} schema, not ${wanted}`, schema };
  return fromOutcome(decodeFramed(frame, found.compiled), ENCODING_OF_TYPE[found.type], schema);
}

/** Raw Protobuf (no framing) read with a descriptor file's message type. */
function decodeDescribed(bytes: Uint8Array, d: DescriptorChoice): Decision {
  if ('error' in d) return { kind: 'failed', error: `protobuf: ${d.error}` };
  const outcome = decodeProtobuf(bytes, d.schema, d.type, undefined, d.unpackAny);
  if (isDecodeFailure(outcome)) return { kind: 'failed', error: `protobuf (${d.source}): ${outcome.error}` };
  return { kind: 'decoded', encoding: 'protobuf', json: outcome.json, notes: [`read as ${outcome.typeName} from ${d.source}`, ...outcome.notes] };
}

/** Decodes one payload in `format`. Never throws. `descriptor`: for unframed Protobuf values. */
export function decideFormat(bytes: Uint8Array, format: MessageFormat, lookup: SchemaLookup, descriptor?: DescriptorChoice): Decision {
  switch (format) {
    case 'protobuf':
      // A Protobuf message never starts with byte 0 (field number 0 does not exist): that is a frame.
      if (descriptor && !confluentFrame(bytes)) return decodeDescribed(bytes, descriptor);
      return decodeRegistry(bytes, format, lookup);
    case 'auto':
    case 'avro':
    case 'json-schema':
      return decodeRegistry(bytes, format, lookup);
    case 'json': {
      const text = utf8OrNull(bytes);
      if (text === null) return { kind: 'failed', error: 'json: not valid UTF-8' };
      try {
        JSON.parse(text);
      } catch (err) {
        return { kind: 'failed', error: `json: ${(err as Error).message}` };
      }
      // Kept verbatim, so numbers keep their own spelling.
      return { kind: 'plain' };
    }
    case 'text':
      return utf8OrNull(bytes) === null ? { kind: 'failed', error: 'text: not valid UTF-8' } : { kind: 'text' };
    case 'binary':
      return { kind: 'binary' };
    case 'msgpack':
      return fromOutcome(decodeMsgpack(bytes), 'msgpack');
    case 'int':
      return fromOutcome(decodeInt32BE(bytes), 'int');
    case 'long':
      return fromOutcome(decodeInt64BE(bytes), 'long');
  }
}

/** The payload the browser gets, its text or bytes cut at `cap`. */
export function payloadOf(bytes: Uint8Array, d: Decision, cap: number): Payload {
  const size = bytes.length;
  switch (d.kind) {
    case 'plain':
      return decodePayload(bytes, cap)!;
    case 'text': {
      const p = decodePayload(bytes, cap)!;
      return { ...p, encoding: 'text' };
    }
    case 'binary':
      return { encoding: 'binary', text: null, base64: base64Of(bytes, cap), size, truncated: size > cap };
    case 'decoded': {
      const { text, truncated } = capText(d.json, cap);
      return {
        encoding: d.encoding,
        text,
        base64: base64Of(bytes, cap),
        size,
        truncated: truncated || size > cap,
        ...(d.schema && { schema: d.schema }),
        ...(d.notes.length > 0 && { notes: d.notes }),
      };
    }
    case 'failed':
      return { encoding: 'binary', text: null, base64: base64Of(bytes, cap), size, truncated: size > cap, error: d.error, ...(d.schema && { schema: d.schema }) };
  }
}

/** The whole text search matches for a payload: decoded JSON, or the bytes as UTF-8 (as before). */
export function searchableText(bytes: Uint8Array, d: Decision): string | null {
  switch (d.kind) {
    case 'decoded':
      return d.json;
    case 'binary':
    case 'failed':
      return null;
    default:
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
}
