// Raw payload helpers for the message viewer: base64 to bytes and a classic 16-bytes-per-line hex
// dump (offset, hex, printable ASCII). The dump is plain text; nothing here produces HTML.
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function textToBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** At most `maxBytes` are dumped so a 2 MB value never builds a 10 MB string. */
export function hexDump(bytes: Uint8Array, maxBytes = 64 * 1024): { text: string; shown: number } {
  const shown = Math.min(bytes.length, maxBytes);
  const lines: string[] = [];
  for (let off = 0; off < shown; off += 16) {
    const row = bytes.subarray(off, Math.min(off + 16, shown));
    let hex = '';
    let ascii = '';
    for (let i = 0; i < 16; i++) {
      const b = row[i];
      hex += b === undefined ? '   ' : `${b.toString(16).padStart(2, '0')} `;
      if (i === 7) hex += ' ';
      if (b !== undefined) ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
    }
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`);
  }
  return { text: lines.join('\n'), shown };
}
