// Turns the untrusted bytes of a key or value into what the browser shows: JSON, text or binary.
// Decoding never throws — whatever the bytes are, the record is shown — and a huge payload is cut
// at a cap so one 50 MB record cannot blow up a page of fifty.
import type { Payload } from '../schemas/message';

/** Largest text (or raw bytes, for binary) sent for one payload. */
export const PAYLOAD_CAP_BYTES = 1024 * 1024;
/** Above this size JSON is not even attempted: the text would be cut anyway. */
const JSON_PARSE_MAX_BYTES = 16 * 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The UTF-8 text of the bytes, or null when they are not valid UTF-8. */
export function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function looksLikeJson(text: string): boolean {
  const t = text.trimStart();
  if (t === '') return false;
  const c = t[0]!;
  return c === '{' || c === '[' || c === '"' || c === '-' || (c >= '0' && c <= '9') || t.startsWith('true') || t.startsWith('false') || t.startsWith('null');
}

/** Cuts `bytes` at `cap` without splitting a UTF-8 character. */
function cutUtf8(bytes: Uint8Array, cap: number): Uint8Array {
  let end = Math.min(cap, bytes.length);
  // Step back over continuation bytes (10xxxxxx) so the cut falls on a character boundary.
  while (end > 0 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

export function decodePayload(bytes: Uint8Array | null | undefined, cap = PAYLOAD_CAP_BYTES): Payload | null {
  if (bytes === null || bytes === undefined) return null;
  const size = bytes.length;
  const truncated = size > cap;
  const text = utf8OrNull(bytes);
  if (text === null) {
    const shown = truncated ? bytes.subarray(0, cap) : bytes;
    return { encoding: 'binary', text: null, base64: Buffer.from(shown.buffer, shown.byteOffset, shown.byteLength).toString('base64'), size, truncated };
  }
  let encoding: 'json' | 'text' = 'text';
  if (size <= JSON_PARSE_MAX_BYTES && looksLikeJson(text)) {
    try {
      JSON.parse(text);
      encoding = 'json';
    } catch {
      encoding = 'text';
    }
  }
  const shown = truncated ? lenientUtf8.decode(cutUtf8(bytes, cap)) : text;
  return { encoding, text: shown, base64: null, size, truncated };
}

/** A payload that could not be decoded at all (e.g. a batch whose compression failed): the badge. */
export function undecodablePayload(error: string, raw?: Uint8Array): Payload {
  const shown = raw ? raw.subarray(0, PAYLOAD_CAP_BYTES) : new Uint8Array(0);
  return {
    encoding: 'binary',
    text: null,
    base64: Buffer.from(shown.buffer, shown.byteOffset, shown.byteLength).toString('base64'),
    size: raw?.length ?? 0,
    truncated: raw ? raw.length > PAYLOAD_CAP_BYTES : false,
    error,
  };
}
