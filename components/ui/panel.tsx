// A titled card that groups one part of a page (brokers, partitions, configs...).
import type { ReactNode } from 'react';

export function Panel({
  title,
  toolbar,
  actions,
  children,
  className = '',
  flush = false,
}: {
  title?: ReactNode;
  /** Controls shown in the header row instead of a title (filters of a list). */
  toolbar?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** No inner padding: for tables that run edge to edge. */
  flush?: boolean;
}) {
  const headingId = typeof title === 'string' ? `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : undefined;
  return (
    <section
      aria-labelledby={headingId}
      className={`rounded-lg border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900 ${className}`}
    >
      {title || toolbar || actions ? (
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
          {toolbar ? (
            <div className="flex min-w-0 flex-1 flex-wrap items-center gap-3">{toolbar}</div>
          ) : (
            <h2 id={headingId} className="text-sm font-semibold">
              {title}
            </h2>
          )}
          {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
        </div>
      ) : null}
      <div className={flush ? '' : 'p-4'}>{children}</div>
    </section>
  );
}

/** A label/value pair in a stats strip. */
export function Stat({ label, value, tone }: { label: string; value: ReactNode; tone?: 'warn' | 'bad' }) {
  const color = tone === 'bad' ? 'text-red-600 dark:text-red-400' : tone === 'warn' ? 'text-amber-600 dark:text-amber-400' : '';
  return (
    <div className="min-w-0 rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</div>
      {/* Long values (an address, an assignor's class-like name) wrap inside the card on a laptop screen. */}
      <div className={`mt-1 text-xl font-semibold tabular-nums wrap-anywhere ${color}`}>{value}</div>
    </div>
  );
}
