// CRC-32C (Castagnoli), the checksum Kafka's record batch v2 carries over bytes 21..end. It runs over
// every produced byte, so it is table-driven with slicing-by-16: sixteen 256-entry tables let the loop
// consume sixteen bytes per step. On little-endian machines (all the ones Node ships for) the bytes are
// loaded as four aligned 32-bit words through an Int32Array view of the same memory, which is about
// half again as fast as assembling words from single-byte loads.

const POLY = 0x82f63b78; // reflected Castagnoli polynomial

const TABLES: Int32Array[] = (() => {
  const t = Array.from({ length: 16 }, () => new Int32Array(256));
  const t0 = t[0]!;
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t0[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t0[n]!;
    for (let k = 1; k < 16; k++) {
      c = t0[c & 0xff]! ^ (c >>> 8);
      t[k]![n] = c;
    }
  }
  return t;
})();

type Tables16 = [
  Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array,
  Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array,
];
const [T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15] = TABLES as Tables16;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** One 16-byte step: `a..d` are the four little-endian words, `a` already xored with the crc. */
function step(a: number, b: number, c: number, d: number): number {
  return (
    T15[a & 0xff]! ^ T14[(a >>> 8) & 0xff]! ^ T13[(a >>> 16) & 0xff]! ^ T12[a >>> 24]! ^
    T11[b & 0xff]! ^ T10[(b >>> 8) & 0xff]! ^ T9[(b >>> 16) & 0xff]! ^ T8[b >>> 24]! ^
    T7[c & 0xff]! ^ T6[(c >>> 8) & 0xff]! ^ T5[(c >>> 16) & 0xff]! ^ T4[c >>> 24]! ^
    T3[d & 0xff]! ^ T2[(d >>> 8) & 0xff]! ^ T1[(d >>> 16) & 0xff]! ^ T0[d >>> 24]!
  );
}

const le32 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);

/** CRC-32C of `buf[start, end)`, as an unsigned 32-bit number. */
export function crc32c(buf: Uint8Array, start = 0, end = buf.length): number {
  let crc = -1;
  let i = start;
  if (LITTLE_ENDIAN) {
    // Single bytes up to a 4-byte aligned address, then whole 16-byte steps over aligned words.
    while (i < end && ((buf.byteOffset + i) & 3) !== 0) crc = T0[(crc ^ buf[i++]!) & 0xff]! ^ (crc >>> 8);
    const steps = (end - i) >>> 4;
    if (steps > 0) {
      const w = new Int32Array(buf.buffer, buf.byteOffset + i, steps * 4);
      for (let j = 0; j < w.length; j += 4) crc = step(crc ^ w[j]!, w[j + 1]!, w[j + 2]!, w[j + 3]!);
      i += steps * 16;
    }
  } else {
    for (const fastEnd = end - ((end - i) & 15); i < fastEnd; i += 16) {
      crc = step(crc ^ le32(buf, i), le32(buf, i + 4), le32(buf, i + 8), le32(buf, i + 12));
    }
  }
  while (i < end) crc = T0[(crc ^ buf[i++]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
