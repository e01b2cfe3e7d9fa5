// Decoders for the formats production topics carry: Confluent-framed Avro, Protobuf and JSON Schema,
// plain Avro and Protobuf given a schema, MessagePack, and big-endian ints. Each takes bytes and what
// is known about them and returns exact JSON text plus metadata, or `{ error }`; none throws for bad
// bytes. Schemas are parsed once by the caller (parse*/compile*) and reused for every record.
export { isDecodeFailure, type Annotation, type Decoded, type DecodeFailure, type DecodeOutcome, type FormatName } from './result';
export { confluentFrame, readMessageIndexes, type ConfluentFrame, type MessageIndexes } from './confluent-frame';
export { parseAvroSchema, type AvroSchema } from './avro-schema';
export { decodeAvro } from './avro-decode';
export { parseProtobufSchema, protobufSchemaFromDescriptorSet, protobufSchemaFromDescriptorSets, messageTypeByName, messageTypeByIndexes, messageTypeNames, type ProtobufSchema, type ProtoReference } from './protobuf-schema';
export { decodeProtobuf, decodeProtobufFramed } from './protobuf-decode';
export { decodeJsonPayload } from './json-payload';
export { decodeMsgpack } from './msgpack';
export { decodeInt32BE, decodeInt64BE } from './big-endian-int';
export { compileRegistrySchema, decodeFramed, type CompiledSchema, type RegistrySchemaSource, type RegistrySchemaType } from './registry-schema';
