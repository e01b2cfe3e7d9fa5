// Previous/next paging for server-side pages, with the visible range and a page-size choice, and
// what to show when a shared or stale link points past the last page.
import { formatCount } from '@/lib/format/numbers';
import { Button } from './button';
import { EmptyState } from './feedback';

/** An empty page of a non-empty list: say so and offer the first page, rather than "nothing here yet". */
export function PastLastPage({ page, onFirst }: { page: number; onFirst: () => void }) {
  return (
    <EmptyState title={`Page ${formatCount(page)} is past the end of the list`}>
      <Button size="sm" className="mt-2" onClick={onFirst}>
        Go to the first page
      </Button>
    </EmptyState>
  );
}

export function Pager({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
  sizes = [50, 100, 250, 500],
  noun,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize?: (size: number) => void;
  sizes?: number[];
  noun: string;
}) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 px-4 py-2 text-sm">
      <span className="text-zinc-600 tabular-nums dark:text-zinc-400">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)} {total === 1 ? noun.replace(/s$/, '') : noun}
      </span>
      <div className="flex items-center gap-2">
        {onPageSize ? (
          <label className="flex items-center gap-1.5 text-zinc-600 dark:text-zinc-400">
            Per page
            <select
              value={pageSize}
              onChange={(e) => onPageSize(Number(e.target.value))}
              className="rounded-md border border-zinc-300 bg-white px-1.5 py-1 dark:border-zinc-700 dark:bg-zinc-950"
            >
              {[...new Set([...sizes, pageSize])].sort((a, b) => a - b).map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        ) : null}
        <Button size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          ← Previous
        </Button>
        <span className="tabular-nums">
          {page} / {pages}
        </span>
        <Button size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next →
        </Button>
      </div>
    </nav>
  );
}
