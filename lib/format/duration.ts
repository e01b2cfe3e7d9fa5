// Lag in time for display: "0.4 s", "45 s", "4 min 30 s", "2 h 5 min", "3 d 4 h".
export function formatSeconds(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return '—';
  if (s < 10) return `${Math.round(s * 10) / 10} s`;
  const t = Math.round(s);
  if (t < 60) return `${t} s`;
  if (t < 3600) return `${Math.floor(t / 60)} min${t % 60 ? ` ${t % 60} s` : ''}`;
  if (t < 86_400) return `${Math.floor(t / 3600)} h${Math.floor((t % 3600) / 60) ? ` ${Math.floor((t % 3600) / 60)} min` : ''}`;
  return `${Math.floor(t / 86_400)} d${Math.floor((t % 86_400) / 3600) ? ` ${Math.floor((t % 86_400) / 3600)} h` : ''}`;
}
