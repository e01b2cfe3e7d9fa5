// What a page shows instead of data: a skeleton while loading, an explanation when empty, and the
// server's problem message with a retry when a request failed.
import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api/fetch-json';
import { Button } from './button';

export function Skeleton({ rows = 5, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="animate-pulse space-y-2 p-4">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-5 rounded bg-zinc-200 dark:bg-zinc-800" style={{ width: `${90 - ((i * 17) % 35)}%` }} />
      ))}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="px-4 py-10 text-center">
      <p className="text-sm font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{children}</div> : null}
    </div>
  );
}

export function ErrorBanner({ error, onRetry, title = 'Request failed' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm dark:border-red-900 dark:bg-red-950/60"
    >
      <div className="min-w-0">
        <p className="font-semibold text-red-800 dark:text-red-200">{title}</p>
        <p className="mt-0.5 break-words text-red-700 dark:text-red-300">{errorMessage(error)}</p>
      </div>
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </div>
  );
}

/** Loading / error / data in one place so every panel behaves the same. */
export function QueryState<T>({
  query,
  children,
  rows,
  label,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  rows?: number;
  label?: string;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />;
  return <Skeleton rows={rows} label={label} />;
}

/** A flush panel's failed query: the banner with room around it, nothing while the query is fine. */
export function PanelError({ query }: { query: { error: unknown; refetch: () => unknown } }) {
  if (!query.error) return null;
  return (
    <div className="p-4">
      <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
    </div>
  );
}
