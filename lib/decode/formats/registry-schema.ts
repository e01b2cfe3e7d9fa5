// The glue between a Schema Registry's answer and the decoders: a schema as the registry returns it
// ({ schemaType, schema, references }) is compiled once (cache it by id), then each framed value is
// decoded with it synchronously. Fetching schemas (async, over HTTP) is the caller's business.
import { parseAvroSchema, type AvroSchema } from './avro-schema';
import { decodeAvro } from './avro-decode';
import type { ConfluentFrame } from './confluent-frame';
import { decodeJsonPayload } from './json-payload';
import { decodeProtobufFramed } from './protobuf-decode';
import { parseProtobufSchema, type ProtobufSchema } from './protobuf-schema';
import type { DecodeOutcome } from './result';

export type RegistrySchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

export interface RegistrySchemaSource {
  /** Absent means AVRO, as in the registry's own answers. */
  schemaType?: RegistrySchemaType;
  schema: string;
  /** Referenced schemas, already fetched: `name` is what the schema refers to them by. */
  references?: { name: string; schema: string }[];
}

export type CompiledSchema = { schemaType: 'AVRO'; avro: AvroSchema } | { schemaType: 'PROTOBUF'; protobuf: ProtobufSchema } | { schemaType: 'JSON'; references: readonly { name: string; schema: string }[] };

export function compileRegistrySchema(source: RegistrySchemaSource): CompiledSchema | { error: string } {
  const refs = source.references ?? [];
  switch (source.schemaType ?? 'AVRO') {
    case 'AVRO': {
      const avro = parseAvroSchema(source.schema, refs.map((r) => r.schema));
      return 'error' in avro ? avro : { schemaType: 'AVRO', avro };
    }
    case 'PROTOBUF': {
      const protobuf = parseProtobufSchema(source.schema, refs);
      return 'error' in protobuf ? protobuf : { schemaType: 'PROTOBUF', protobuf };
    }
    case 'JSON':
      return { schemaType: 'JSON', references: refs };
    default:
      return { error: `unknown schema type ${String(source.schemaType)}` };
  }
}

/** Decodes a Confluent-framed value's payload with the schema its id named. Never throws. */
export function decodeFramed(frame: ConfluentFrame, schema: CompiledSchema): DecodeOutcome {
  switch (schema.schemaType) {
    case 'AVRO':
      return decodeAvro(frame.payload, schema.avro, frame.schemaId);
    case 'PROTOBUF':
      return decodeProtobufFramed(frame.payload, schema.protobuf, frame.schemaId);
    case 'JSON':
      return decodeJsonPayload(frame.payload, frame.schemaId);
  }
}
