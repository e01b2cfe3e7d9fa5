// Cutting decoded text and raw bytes to a response's payload cap: a decoded Avro record can be far
// larger than its bytes, so the decoded JSON is capped like any text, on a character boundary.

const utf8 = new TextEncoder();
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The text cut to at most `cap` UTF-8 bytes without splitting a character. */
export function capText(text: string, cap: number): { text: string; truncated: boolean } {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: short texts need no encoding to know they fit.
  if (text.length * 3 <= cap) return { text, truncated: false };
  const bytes = utf8.encode(text);
  if (bytes.length <= cap) return { text, truncated: false };
  let end = cap;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return { text: lenient.decode(bytes.subarray(0, end)), truncated: true };
}

/** The first `cap` bytes in base64. */
export function base64Of(bytes: Uint8Array, cap: number): string {
  const shown = bytes.length > cap ? bytes.subarray(0, cap) : bytes;
  return Buffer.from(shown.buffer, shown.byteOffset, shown.byteLength).toString('base64');
}
