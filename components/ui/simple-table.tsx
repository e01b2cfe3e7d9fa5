// A plain table for short lists (brokers, partitions of one topic, configs): same columns API and
// look as VirtualTable, without the scrolling container.
import type { Column } from './virtual-table';
import { tdClass, thClass } from './virtual-table';

export function SimpleTable<T>({
  rows,
  columns,
  rowKey,
  label,
  rowClass,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  label: string;
  rowClass?: (row: T) => string;
}) {
  return (
    // Focusable, so a keyboard can scroll a table wider than a phone (its cells may hold nothing focusable).
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${label}, scrollable`}>
      <table aria-label={label} className="w-full border-separate border-spacing-0 text-sm">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.id} scope="col" className={`${thClass} static ${c.align === 'right' ? 'text-right' : 'text-left'}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={`hover:bg-zinc-50 dark:hover:bg-zinc-800/40 ${rowClass?.(row) ?? ''}`}>
              {columns.map((c) => (
                <td key={c.id} className={`${tdClass} ${c.align === 'right' ? 'text-right tabular-nums' : ''} ${c.className ?? ''}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
