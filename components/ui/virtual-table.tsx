'use client';
// A table that renders only the rows in view (TanStack Virtual), so a page of 500 topics or groups
// scrolls as smoothly as a page of 5. It stays a real <table> with a sticky header: rows are padded
// above and below by two spacer rows, which keeps column widths, roles and keyboard order intact.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

export interface Column<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Server-side sort key this column sorts by, if sortable. */
  sortKey?: string;
  align?: 'left' | 'right';
  className?: string;
}

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
  onSort: (key: string) => void;
}

export const thClass =
  'sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 px-3 py-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400';
export const tdClass = 'border-b border-zinc-100 px-3 py-2 align-middle dark:border-zinc-800/70';

function HeaderCell<T>({ col, sort }: { col: Column<T>; sort?: SortState }) {
  const active = sort && col.sortKey && sort.key === col.sortKey;
  const align = col.align === 'right' ? 'text-right' : 'text-left';
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined} className={`${thClass} ${align}`}>
      {sort && col.sortKey ? (
        <button type="button" onClick={() => sort.onSort(col.sortKey!)} className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-white">
          {col.header}
          <span aria-hidden className={active ? '' : 'opacity-30'}>
            {active && sort.dir === 'desc' ? '▼' : '▲'}
          </span>
        </button>
      ) : (
        col.header
      )}
    </th>
  );
}

export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  label,
  sort,
  rowHeight = 37,
  maxHeight = 'calc(100vh - 16rem)',
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  label: string;
  sort?: SortState;
  rowHeight?: number;
  maxHeight?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The React Compiler is not enabled here, so the hook's non-memoisable return value is harmless.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialRect: { width: 1200, height: 900 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scrollRef} className="overflow-auto" style={{ maxHeight }}>
      <table aria-label={label} aria-rowcount={rows.length + 1} className="w-full border-separate border-spacing-0 text-sm">
        <thead>
          <tr>
            {columns.map((c) => (
              <HeaderCell key={c.id} col={c} sort={sort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden style={{ height: top }}>
              <td colSpan={columns.length} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <tr key={rowKey(row)} aria-rowindex={item.index + 2} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40" style={{ height: rowHeight }}>
                {columns.map((c) => (
                  <td key={c.id} className={`${tdClass} ${c.align === 'right' ? 'text-right tabular-nums' : ''} ${c.className ?? ''}`}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden style={{ height: bottom }}>
              <td colSpan={columns.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
