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
