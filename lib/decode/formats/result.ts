// What every format decoder hands back. Decoders never throw for bad bytes: a record that does not
// decode is still a record the console must show, so failure is a value (`{ error }`) carrying the
// reason, and success is the value as exact JSON text plus what the viewer may want beside it.

export type FormatName = 'avro' | 'protobuf' | 'json' | 'msgpack' | 'int32' | 'int64';

/** A value shown in a friendlier form than its encoding, with the encoding kept: a decimal's bytes,
 * a timestamp's number. `path` is a JSON Pointer (RFC 6901) into the decoded JSON. */
export interface Annotation {
  path: string;
  /** The logical type (Avro) or form that was applied, e.g. "decimal", "timestamp-millis". */
  logicalType: string;
  /** The value as encoded: lowercase hex for bytes, decimal digits for numbers. */
  raw: string;
}

export interface Decoded {
  format: FormatName;
  /** The value as JSON text, compact, with every integer exact (64-bit ones included). */
  json: string;
  /** Confluent Schema Registry id, when the bytes were framed with one. */
  schemaId?: number;
  /** Full name of the Avro or Protobuf type the value was read as. */
  typeName?: string;
  /** Confluent's Protobuf message-index path of `typeName` within its schema, when framed. */
  messageIndexes?: number[];
  annotations: Annotation[];
  /** Things worth telling the reader, e.g. that a frame had no Protobuf message indexes. */
  notes: string[];
}

export interface DecodeFailure {
  format: FormatName;
  error: string;
  schemaId?: number;
}

export type DecodeOutcome = Decoded | DecodeFailure;

export function isDecodeFailure(outcome: DecodeOutcome): outcome is DecodeFailure {
  return 'error' in outcome;
}

/** Thrown inside a decoder at the first bad byte and caught at its public boundary, never beyond. */
export class DecodeFault extends Error {}

/** Runs a decoder body, turning a DecodeFault (or any other surprise) into a failure value. */
export function guarded(format: FormatName, schemaId: number | undefined, body: () => Decoded): DecodeOutcome {
  try {
    return body();
  } catch (err) {
    const reason = err instanceof DecodeFault ? err.message : `unexpected ${err instanceof Error ? err.name : 'error'}: ${err instanceof Error ? err.message : String(err)}`;
    return schemaId === undefined ? { format, error: reason } : { format, error: reason, schemaId };
  }
}
