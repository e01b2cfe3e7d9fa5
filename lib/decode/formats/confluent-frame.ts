// Confluent's wire format, as written by its serializers (and @kafkajs/confluent-schema-registry):
//   byte 0      magic 0
//   bytes 1..4  the schema id, big-endian
//   Protobuf only: the message-index array (which message of the .proto the payload is), as zigzag
//               varints: a count then that many indexes, where the common case [0] is the single byte 0
//   the rest    the payload in the schema's own encoding
import { ByteReader } from './byte-reader';
import { DecodeFault } from './result';

export interface ConfluentFrame {
  schemaId: number;
  /** The bytes after the 5-byte header (for Protobuf, still starting with the message indexes). */
  payload: Uint8Array;
}

/** The schema id and payload of a Confluent-framed value; null when the bytes are not framed. */
export function confluentFrame(bytes: Uint8Array): ConfluentFrame | null {
  if (bytes.length < 5 || bytes[0] !== 0) return null;
  const schemaId = ((bytes[1]! << 24) | (bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!) >>> 0;
  // Ids are Java ints; a registry hands out positive ones only.
  if (schemaId === 0 || schemaId > 0x7fffffff) return null;
  return { schemaId, payload: bytes.subarray(5) };
}

/** Longest index path accepted: nesting deeper than this is a sign of bytes that are not indexes. */
const MAX_INDEX_DEPTH = 64;

export interface MessageIndexes {
  indexes: number[];
  /** The Protobuf message bytes after the index array. */
  body: Uint8Array;
}

/** Reads the Protobuf message-index array at the start of a Confluent payload; null when the bytes
 * cannot be one (some clients, @kafkajs/confluent-schema-registry among them, write none). */
export function readMessageIndexes(payload: Uint8Array): MessageIndexes | null {
  try {
    const r = new ByteReader(payload);
    const count = r.zigzag('the message-index count');
    if (count === 0n) return { indexes: [0], body: payload.subarray(r.pos) };
    if (count < 0n || count > BigInt(MAX_INDEX_DEPTH)) return null;
    const indexes: number[] = [];
    for (let i = 0; i < Number(count); i++) {
      const index = r.zigzag('a message index');
      if (index < 0n || index > 0x7fffffffn) return null;
      indexes.push(Number(index));
    }
    return { indexes, body: payload.subarray(r.pos) };
  } catch (err) {
    if (err instanceof DecodeFault) return null;
    throw err;
  }
}
