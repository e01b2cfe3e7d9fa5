// Payload and header decoding for the message browser and search.
export { decodePayload, undecodablePayload, utf8OrNull, PAYLOAD_CAP_BYTES } from './payload';
export { decodeHeader, decodeHeaders, type RawHeaders } from './headers';
