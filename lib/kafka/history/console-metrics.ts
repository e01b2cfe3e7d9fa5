// The console's own request counters for /metrics: how many requests each route answered, by
// status. The route wrapper (lib/http/route.ts) calls countRequest once per answer; this module only
// counts, so lib/kafka never learns about HTTP beyond a route name and a number. Kept on globalThis,
// as the cluster registry is: Next.js compiles route handlers into separate bundles, and /metrics
// must see the counts every bundle made. Cardinality is bounded: `route` should be the route's
// pattern (`/api/clusters/[cluster]/groups`), not the URL, and past MAX_SERIES distinct pairs new
// ones are counted under the route "other".
import 'server-only';

const MAX_SERIES = 1_000;

interface Counts {
  /** `route NUL status` -> count. */
  requests: Map<string, number>;
}

const globalKey = Symbol.for('kafscope.console-metrics');
function counts(): Counts {
  const g = globalThis as unknown as Record<symbol, Counts | undefined>;
  return (g[globalKey] ??= { requests: new Map() });
}

/** Segments after which the next one is a name (a cluster, topic, group, broker), not a route. */
const NAMED = new Set(['clusters', 'topics', 'groups', 'brokers', 'topic', 'consumer', 'broker', 'subjects']);

/** The route's pattern from a request path: `/api/clusters/prod/groups/billing` ->
 * `/api/clusters/[cluster]/groups/[group]`, so the counters hold one series per route, not per name. */
export function routePattern(pathname: string): string {
  const parts = pathname.split('/');
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1]!;
    if (NAMED.has(before) && parts[i] !== '') parts[i] = `[${before === 'clusters' ? 'cluster' : before.replace(/s$/, '')}]`;
  }
  return parts.join('/');
}

/** Counts one answer of `route` with HTTP `status`. */
export function countRequest(route: string, status: number): void {
  const { requests } = counts();
  let key = `${route}\u0000${status}`;
  if (!requests.has(key) && requests.size >= MAX_SERIES) key = `other\u0000${status}`;
  requests.set(key, (requests.get(key) ?? 0) + 1);
}

export interface RequestCount {
  route: string;
  status: number;
  count: number;
}

export function requestCounts(): RequestCount[] {
  return [...counts().requests].map(([key, count]) => {
    const [route, status] = key.split('\u0000') as [string, string];
    return { route, status: Number(status), count };
  });
}

/** Forgets every count (tests). */
export function resetRequestCounts(): void {
  counts().requests.clear();
}
