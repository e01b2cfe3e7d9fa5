'use client';
// How fresh the page is, on every data page of a cluster: "Updated N s ago", a Refresh button and
// auto-refresh (off, 5 s, 30 s) kept in the URL (`refresh=5`), so a shared link or a wall screen
// keeps refreshing. It works on whatever queries the page has on screen (every active query of the
// cluster but its health and settings, which refresh on their own), so no page needs wiring: a page
// that shows data from the cluster gets this for free.
import { useIsFetching, useQueryClient, type Query } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { controlLook } from '@/components/ui/field';

export const REFRESH_PARAM = 'refresh';
export const REFRESH_CHOICES = [
  { value: '', label: 'Off' },
  { value: '5', label: 'Every 5 s' },
  { value: '30', label: 'Every 30 s' },
] as const;

/** The auto-refresh period in ms chosen in the URL, or false. */
export function refreshPeriod(value: string | null): number | false {
  return value === '5' || value === '30' ? Number(value) * 1000 : false;
}

const OWN_REFRESH = new Set(['health', 'settings']);

/** A query the page shows from `cluster` (not one that refreshes itself). */
export const pageQuery = (cluster: string) => (q: Query) =>
  q.queryKey[0] === 'clusters' && q.queryKey[1] === cluster && !OWN_REFRESH.has(String(q.queryKey[2])) && q.isActive();

/** "just now", "12 s ago", "3 min ago". */
export function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 2) return 'just now';
  if (s < 90) return `${s} s ago`;
  const min = Math.round(s / 60);
  return min < 90 ? `${min} min ago` : `${Math.round(min / 60)} h ago`;
}

const noSubscription = () => () => {};

export function Freshness({ cluster }: { cluster: string }) {
  const client = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const period = refreshPeriod(params.get(REFRESH_PARAM));
  const isPage = pageQuery(cluster);
  // The oldest answer on screen: the page is as fresh as its stalest part.
  const updatedAt = useSyncExternalStore(
    (cb) => client.getQueryCache().subscribe(cb),
    () => client.getQueryCache().findAll({ predicate: isPage }).reduce((min, q) => (q.state.dataUpdatedAt > 0 && q.state.dataUpdatedAt < min ? q.state.dataUpdatedAt : min), Infinity),
    () => Infinity,
  );
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const fetching = useIsFetching({ predicate: isPage }) > 0;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const refresh = useCallback(
    () => void client.refetchQueries({ predicate: pageQuery(cluster), type: 'active' }),
    [client, cluster],
  );
  useEffect(() => {
    if (!period) return;
    const t = setInterval(refresh, period);
    return () => clearInterval(t);
  }, [period, refresh]);
  const choose = (value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(REFRESH_PARAM, value);
    else next.delete(REFRESH_PARAM);
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  // The new-topic form shows nothing to refresh.
  if (pathname.endsWith('/topics/new')) return null;
  return (
    <div className="mb-3 flex flex-wrap items-center justify-end gap-2 text-xs text-zinc-500 dark:text-zinc-400" data-testid="freshness">
      <span aria-live="polite" className="tabular-nums">
        {fetching ? 'Refreshing…' : hydrated && Number.isFinite(updatedAt) ? `Updated ${ago(Math.max(0, now - updatedAt))}` : null}
      </span>
      <Button size="sm" onClick={refresh} disabled={fetching} aria-label="Refresh this page">
        Refresh
      </Button>
      <label className="flex items-center gap-1">
        Auto-refresh
        <select value={period ? String(period / 1000) : ''} onChange={(e) => choose(e.target.value)} className={`${controlLook} py-0.5 text-xs`}>
          {REFRESH_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
