// Timestamps shown in the viewer's local zone or in UTC (the user's choice), always with the zone
// named so a screenshot is never ambiguous. Intl does the work; no date library is needed.
export type TimeZoneMode = 'local' | 'utc';

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** "2024-05-01 13:04:05.123 UTC" or "... +02:00" style with the local offset. */
export function formatTimestamp(ms: number, mode: TimeZoneMode): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const d = new Date(ms);
  if (mode === 'utc') {
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(
      d.getUTCMinutes(),
    )}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)} UTC`;
  }
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(
    d.getSeconds(),
  )}.${pad(d.getMilliseconds(), 3)} ${zone}`;
}

/** Value for <input type="datetime-local"> from epoch ms (local time). */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(
    d.getSeconds(),
  )}`;
}

/** Epoch ms from an <input type="datetime-local"> value (interpreted in local time); NaN if empty. */
export function fromLocalInput(value: string): number {
  return value ? new Date(value).getTime() : Number.NaN;
}

/** "+02:00" style offset of the local zone at `ms`. */
function localOffset(ms: number): string {
  const off = -new Date(ms).getTimezoneOffset();
  return `${off >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** How a typed time is read, for a field's label: "UTC", or "local time, UTC+02:00" (the offset at
 * `ms`, since it changes with summer time). */
export function zoneLabel(mode: TimeZoneMode, ms: number = Date.now()): string {
  return mode === 'utc' ? 'UTC' : `local time, UTC${localOffset(Number.isFinite(ms) ? ms : Date.now())}`;
}

/** A typed time as "YYYY-MM-DD HH:MM:SS" (with ".mmm" when not whole seconds) in the chosen zone. */
export function toZoneInput(ms: number, mode: TimeZoneMode): string {
  const d = new Date(ms);
  const [y, mo, da, h, mi, s, milli] =
    mode === 'utc'
      ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()]
      : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()];
  return `${pad(y, 4)}-${pad(mo)}-${pad(da)} ${pad(h)}:${pad(mi)}:${pad(s)}${milli ? `.${pad(milli, 3)}` : ''}`;
}

const TYPED_TIME = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*$/;

/** Epoch ms of a typed time read in the chosen zone; NaN unless it is a whole, real date and time
 * (a year of four digits, month 1-12, a day the month has, ...). Only complete values parse, so a
 * half-typed year is never taken for year 2. A date alone means its midnight. */
export function fromZoneInput(text: string, mode: TimeZoneMode): number {
  const m = TYPED_TIME.exec(text);
  if (!m) return Number.NaN;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const milli = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  if (y! < 1970 || mo! < 1 || mo! > 12 || d! < 1 || h > 23 || mi > 59 || s > 59) return Number.NaN;
  const ms = mode === 'utc' ? Date.UTC(y!, mo! - 1, d!, h, mi, s, milli) : new Date(y!, mo! - 1, d!, h, mi, s, milli).getTime();
  // A day the month does not have (31 April) rolls over: refuse it rather than guess.
  const back = new Date(ms);
  const day = mode === 'utc' ? back.getUTCDate() : back.getDate();
  return day === d ? ms : Number.NaN;
}
