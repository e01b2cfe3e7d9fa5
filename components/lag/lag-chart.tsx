'use client';
// The group page's lag over time: three charts with one cursor (lag in records as a total, per
// topic or per partition; records consumed vs produced per second; seconds behind the newest
// record), over the range in the URL (`?range=15m|1h|6h|24h|7d`, `?lagBy=total|topic|partition`),
// refreshed at the sampling interval. uPlot comes in with its own chunk (next/dynamic), after the
// page has painted; until then, and while the history answers, the panel keeps its height.
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { EmptyState, ErrorBanner, Skeleton } from '@/components/ui/feedback';
import { controlLook } from '@/components/ui/field';
import { Panel } from '@/components/ui/panel';
import { useUrlState } from '@/components/url/use-url-state';
import { ApiError } from '@/lib/api/fetch-json';
import { lagHistoryQuery } from '@/lib/api/queries/lag-history';
import { formatSeconds } from '@/lib/format/duration';
import { GroupChartQuerySchema, LagHistoryRange, type LagHistory } from '@/lib/schemas/lag-history';
import { lagSeries, rateSeries, timeLagSeries, type LagBy } from './chart-data';

const UplotChart = dynamic(() => import('./uplot-chart'), { ssr: false, loading: () => <div className="h-[220px]" aria-hidden /> });

const RANGE_LABEL: Record<LagHistoryRange, string> = { '15m': '15 min', '1h': '1 hour', '6h': '6 hours', '24h': '24 hours', '7d': '7 days' };

function Charts({ history, by, groupId }: { history: LagHistory; by: LagBy; groupId: string }) {
  const lag = useMemo(() => lagSeries(history, by), [history, by]);
  const rates = useMemo(() => rateSeries(history), [history]);
  const behind = useMemo(() => timeLagSeries(history), [history]);
  const sync = `lag-${groupId}`;
  if (history.totals.length < 2) {
    return (
      <EmptyState title="Not enough samples yet">
        One sample every {formatSeconds(history.intervalMs / 1000)}; the charts appear from the second one.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4 p-4">
      <section aria-label="Lag in records">
        <h3 className="mb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase">Lag (records)</h3>
        <UplotChart data={lag} unit="records" syncKey={sync} label={`Lag of ${groupId} over the last ${RANGE_LABEL[history.range]}`} />
      </section>
      <section aria-label="Consumption and production rates">
        <h3 className="mb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase">Consumed vs produced (records/s)</h3>
        <UplotChart data={rates} unit="/s" height={160} syncKey={sync} label="Records consumed and produced per second" />
      </section>
      <section aria-label="Lag in time">
        <h3 className="mb-1 text-xs font-medium tracking-wide text-zinc-500 uppercase">Behind the newest record (seconds)</h3>
        <UplotChart data={behind} unit="s" height={160} syncKey={sync} label="Seconds behind the newest record" />
      </section>
    </div>
  );
}

export function LagHistoryPanel({ groupId }: { groupId: string }) {
  const cluster = useCluster();
  const [q, setUrl] = useUrlState(GroupChartQuerySchema);
  const query = useQuery(lagHistoryQuery(cluster, groupId, q.range));
  const h = query.data;
  const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 503) ? query.error : null;
  return (
    <Panel
      flush
      title="Lag over time"
      actions={
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {h ? (
            <span className="text-zinc-500 tabular-nums" data-testid="rates">
              {h.rates.consumption === null ? '' : `${h.rates.consumption.toLocaleString()} consumed/s · ${(h.rates.production ?? 0).toLocaleString()} produced/s`}
            </span>
          ) : null}
          <label className="sr-only" htmlFor="lag-by">
            Lines
          </label>
          <select id="lag-by" value={q.lagBy} onChange={(e) => setUrl({ lagBy: e.target.value === 'total' ? undefined : e.target.value })} className={`${controlLook} w-36`}>
            <option value="total">Total</option>
            <option value="topic">Per topic</option>
            <option value="partition">Per partition</option>
          </select>
          <div role="group" aria-label="Range" className="inline-flex overflow-hidden rounded-md ring-1 ring-zinc-300 dark:ring-zinc-700">
            {LagHistoryRange.options.map((r) => (
              <button
                key={r}
                type="button"
                aria-pressed={q.range === r}
                onClick={() => setUrl({ range: r === '1h' ? undefined : r })}
                className={`px-2 py-1 text-xs ${q.range === r ? 'bg-emerald-700 text-white' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800'}`}
              >
                {r}
              </button>
            ))}
          </div>
        </div>
      }
    >
      {missing ? (
        <EmptyState title={missing.status === 404 ? 'No lag history yet' : 'Lag history is off'}>{missing.problem.detail ?? missing.message}</EmptyState>
      ) : query.error ? (
        <div className="p-4">
          <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
        </div>
      ) : h ? (
        <Charts history={h} by={q.lagBy} groupId={groupId} />
      ) : (
        <Skeleton rows={6} label="Loading lag history" />
      )}
    </Panel>
  );
}
