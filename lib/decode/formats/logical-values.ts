// Friendlier forms of numbers and bytes that carry a logical meaning: exact decimals from two's-
// complement bytes, ISO-8601 instants from epoch counts, calendar dates from day counts, times of day.
// All arithmetic is on bigint, so nothing is rounded; a value outside what ISO-8601 (or JavaScript's
// Date, ±8.64e15 ms) can express gives null and the caller shows the raw number instead.

/** The signed big-endian two's-complement integer in `bytes` (Avro's decimal unscaled value). */
export function twosComplement(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return bytes[0]! & 0x80 ? n - (1n << BigInt(8 * bytes.length)) : n;
}

/** unscaled × 10^-scale as an exact decimal string: (12345, 2) → "123.45", (-5, 3) → "-0.005". */
export function decimalText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString();
  if (scale === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

const MAX_DATE_MS = 8_640_000_000_000_000n;

/** Floor division and its non-negative remainder, on bigint. */
function floorDivMod(a: bigint, b: bigint): [bigint, bigint] {
  const q = a / b;
  const r = a % b;
  return r < 0n ? [q - 1n, r + b] : [q, r];
}

/** An epoch count in `unit` (1000 = millis, 1e6 = micros, 1e9 = nanos) as ISO-8601 with all its digits:
 * "2024-01-02T03:04:05.123456Z"; `utc` false leaves the zone off (Avro's local-timestamp-*). */
export function isoInstant(count: bigint, perSecond: bigint, utc = true): string | null {
  const [seconds, fraction] = floorDivMod(count, perSecond);
  const ms = seconds * 1000n;
  if (ms > MAX_DATE_MS || ms < -MAX_DATE_MS) return null;
  const base = new Date(Number(ms)).toISOString(); // "...T03:04:05.000Z"
  const fractionDigits = perSecond.toString().length - 1;
  const frac = fractionDigits === 0 ? '' : `.${fraction.toString().padStart(fractionDigits, '0')}`;
  return `${base.slice(0, -5)}${frac}${utc ? 'Z' : ''}`;
}

/** Days since 1970-01-01 as "YYYY-MM-DD". */
export function isoDate(days: bigint): string | null {
  const ms = days * 86_400_000n;
  if (ms > MAX_DATE_MS || ms < -MAX_DATE_MS) return null;
  return new Date(Number(ms)).toISOString().slice(0, -14);
}

/** A time of day from a count since midnight in `unit`s per second: "13:45:00.250". */
export function isoTimeOfDay(count: bigint, perSecond: bigint): string | null {
  if (count < 0n || count >= 86_400n * perSecond) return null;
  const [seconds, fraction] = floorDivMod(count, perSecond);
  const hh = (seconds / 3600n).toString().padStart(2, '0');
  const mm = ((seconds / 60n) % 60n).toString().padStart(2, '0');
  const ss = (seconds % 60n).toString().padStart(2, '0');
  const fractionDigits = perSecond.toString().length - 1;
  return `${hh}:${mm}:${ss}${fractionDigits ? `.${fraction.toString().padStart(fractionDigits, '0')}` : ''}`;
}
