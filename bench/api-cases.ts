// What the API benchmark asks the console, and the targets it checks (the issue "API at scale":
// cold first page and lag sort within 1 s even at 200,000 partitions; the console's memory within
// 300 MB at 10,000 topics and 10,000 groups once the heavy pages have been served).
export interface Case {
  /** As printed in the table. */
  name: string;
  /** Under /api/clusters/{cluster}. */
  path: string;
  /** Cold target in ms, when the issue sets one. */
  coldTargetMs?: number;
}

export const HOT_TOPIC = 'hot-topic';
export const COLD_TARGET_MS = 1_000;
export const RSS_TARGET_MB = 300;
/** The RSS target is set for the 10,000-topic, 10,000-group run. */
export const RSS_TARGET_MAX_PARTITIONS = 12_000;

export function apiCases(cluster: string, groups: number): Case[] {
  const api = `/api/clusters/${cluster}`;
  return [
    { name: `\`GET ${api}/topics\` (first page of 25)`, path: '/topics', coldTargetMs: COLD_TARGET_MS },
    { name: `\`GET ${api}/topics?q=topic-012\` (filtered)`, path: '/topics?q=topic-012' },
    { name: `\`GET ${api}/topics?sort=messages&dir=desc\``, path: '/topics?sort=messages&dir=desc' },
    { name: `\`GET ${api}/groups\` (first page)`, path: '/groups' },
    { name: `\`GET ${api}/groups?sort=totalLag&dir=desc\``, path: '/groups?sort=totalLag&dir=desc', coldTargetMs: COLD_TARGET_MS },
    { name: `\`GET ${api}/topics/${HOT_TOPIC}\` (consumed by ${groups.toLocaleString('en')} groups)`, path: `/topics/${HOT_TOPIC}` },
    { name: `\`GET ${api}/overview\``, path: '/overview' },
  ];
}

export interface Timed {
  ms: number;
  bytes: number;
}

/** One GET, timed from sending the request to the last byte of the body; anything but 200 throws. */
export async function callOnce(url: string): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.toString('utf8', 0, 300)}`);
  return { ms, bytes: body.length };
}

export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
export const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
export const fmtKb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
