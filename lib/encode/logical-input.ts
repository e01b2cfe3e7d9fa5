// The readable forms the decoder shows for Avro logical types, read back into their encoded values:
// a decimal string into its unscaled two's-complement bytes, an ISO-8601 instant, date or time of day
// into its count. All on bigint and exact; the encoded (raw) form is accepted too.
import { EncodeFault, described, isNumberInput, type JsonInput } from './json-input';

/** "-12.34" at scale 2 → -1234n; more fraction digits than the scale is an error, never a rounding. */
export function unscaledOf(v: JsonInput, path: string, scale: number, precision: number | undefined): bigint {
  const text = isNumberInput(v) ? v.value : typeof v === 'string' ? v.trim() : null;
  const m = text === null ? null : /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new EncodeFault(path, `expected a decimal (e.g. "12.34"), got ${described(v)}`);
  const fraction = m[3] ?? '';
  if (fraction.length > scale) throw new EncodeFault(path, `${text} has ${fraction.length} decimal places; the schema's scale is ${scale}`);
  const digits = `${m[2]}${fraction.padEnd(scale, '0')}`.replace(/^0+(?=\d)/, '');
  if (precision !== undefined && digits.length > precision) throw new EncodeFault(path, `${text} has more than the schema's ${precision} digits of precision`);
  const n = BigInt(digits);
  return m[1] ? -n : n;
}

/** Big-endian two's complement of `n` in the fewest bytes (or exactly `size` bytes for a fixed). */
export function twosComplementBytes(n: bigint, path: string, size?: number): Uint8Array {
  let len = 1;
  while (n < -(1n << BigInt(8 * len - 1)) || n >= 1n << BigInt(8 * len - 1)) len++;
  if (size !== undefined) {
    if (len > size) throw new EncodeFault(path, `the decimal does not fit in ${size} bytes`);
    len = size;
  }
  const out = new Uint8Array(len);
  let x = BigInt.asUintN(8 * len, n);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

/** Date.UTC rolls 2024-13-01 over into 2025; a calendar date must name a day that exists. */
function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (Number.isNaN(ms) || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return NaN;
  return ms;
}

const INSTANT = /^(-?\d{4,})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/;

/** An ISO-8601 instant as a count of 1/perSecond seconds since the epoch. */
export function instantCount(text: string, path: string, perSecond: bigint, utc: boolean): bigint {
  const m = INSTANT.exec(text.trim());
  if (!m) throw new EncodeFault(path, `expected an ISO-8601 ${utc ? 'instant (e.g. "2024-01-02T03:04:05.678Z")' : 'local date-time (e.g. "2024-01-02T03:04:05.678")'} or a number, got ${JSON.stringify(text)}`);
  const [, y, mo, d, h, mi, s, frac = '', zone] = m;
  if (!utc && zone) throw new EncodeFault(path, 'a local timestamp has no time zone');
  const ms = utcMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) throw new EncodeFault(path, `${JSON.stringify(text)} is not a valid date-time`);
  let seconds = BigInt(ms) / 1000n;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1n : 1n;
    seconds -= sign * (BigInt(zone.slice(1, 3)) * 3600n + BigInt(zone.slice(4, 6)) * 60n);
  }
  const digits = perSecond.toString().length - 1;
  if (frac.length > digits) throw new EncodeFault(path, `${JSON.stringify(text)} is more precise than the schema's ${digits}-digit fractions`);
  return seconds * perSecond + (digits === 0 ? 0n : BigInt(frac.padEnd(digits, '0')));
}

export function dateDays(text: string, path: string): bigint {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(text.trim());
  const ms = m ? utcMs(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
  if (Number.isNaN(ms)) throw new EncodeFault(path, `expected a date (e.g. "2024-01-02") or a number of days, got ${JSON.stringify(text)}`);
  return BigInt(ms) / 86_400_000n;
}

export function timeOfDayCount(text: string, path: string, perSecond: bigint): bigint {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) > 59) throw new EncodeFault(path, `expected a time of day (e.g. "13:45:00.250") or a number, got ${JSON.stringify(text)}`);
  const digits = perSecond.toString().length - 1;
  const frac = m[4] ?? '';
  if (frac.length > digits) throw new EncodeFault(path, `${JSON.stringify(text)} is more precise than the schema's ${digits}-digit fractions`);
  return (BigInt(m[1]!) * 3600n + BigInt(m[2]!) * 60n + BigInt(m[3]!)) * perSecond + BigInt(frac.padEnd(digits, '0') || '0');
}
