// Display formatting of counts and sizes. 64-bit values arrive as decimal strings and are grouped
// by text manipulation (or bigint), never through Number, so an offset past 2^53 shows exactly.
const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/** "1234567" -> "1,234,567"; keeps the sign; anything that is not an integer string is returned as is. */
export function formatInt64(s: string | null | undefined): string {
  if (s === null || s === undefined) return '—';
  if (!/^-?\d+$/.test(s)) return s;
  return s.replace(GROUP, ',');
}

export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.trunc(n).toString().replace(GROUP, ',') : '—';
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  let v = n;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u += 1;
  }
  return u === 0 ? `${v} B` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${UNITS[u]}`;
}

/** Compares two int64 strings numerically (for sorting and lag bars) without losing precision. */
export function compareInt64(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** part / whole as a fraction in [0, 1] for bars; exact enough for display, computed with bigint. */
export function fraction(part: string | null, whole: string | null): number {
  if (!part || !whole) return 0;
  const p = BigInt(part);
  const w = BigInt(whole);
  if (w <= 0n || p <= 0n) return 0;
  if (p >= w) return 1;
  return Number((p * 10_000n) / w) / 10_000;
}

/** A size given as a decimal string (sizeBytes in the DTOs): "—" when unknown. Shown rounded, so the
 * conversion to a float for display loses nothing that is shown; the exact bytes go in a title. */
export function formatSize(bytes: string | null | undefined): string {
  return bytes === null || bytes === undefined ? '—' : formatBytes(Number(bytes));
}
