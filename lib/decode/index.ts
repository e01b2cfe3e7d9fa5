// Payload and header decoding for the message browser and search: the one decode step (decode-step.ts)
// and today's JSON/text/binary detection it falls back to.
export { decodePayload, undecodablePayload, utf8OrNull, PAYLOAD_CAP_BYTES } from './payload';
export { decodeHeader, decodeHeaders, type RawHeaders } from './headers';
export {
  decideFormat,
  payloadOf,
  schemaIdOf,
  searchableText,
  PLAIN_DECODING,
  type DecodeChoice,
  type DescriptorChoice,
  type Decision,
  type ResolvedSchema,
  type SchemaLookup,
} from './decode-step';
