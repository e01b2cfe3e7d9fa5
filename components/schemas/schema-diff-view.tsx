'use client';
// A line diff of two versions of a subject, chosen by two selects kept in the URL. Every line is a
// React text node with a +/- marker (no HTML is ever built from a schema), coloured by its kind.
import { useQuery } from '@tanstack/react-query';
import { ErrorBanner, Skeleton } from '@/components/ui/feedback';
import { controlLook } from '@/components/ui/field';
import { schemaDiffQuery } from '@/lib/api/queries/schemas';
import type { SchemaDiff } from '@/lib/schemas/schema-registry';

const LOOK: Record<SchemaDiff['lines'][number]['kind'], { mark: string; className: string }> = {
  added: { mark: '+', className: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200' },
  removed: { mark: '-', className: 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200' },
  same: { mark: ' ', className: 'text-zinc-700 dark:text-zinc-300' },
};

export function SchemaDiffView({
  cluster,
  subject,
  versions,
  from,
  to,
  onChange,
}: {
  cluster: string;
  subject: string;
  versions: readonly number[];
  from: number;
  to: number;
  onChange: (pair: { from: number; to: number }) => void;
}) {
  const query = useQuery(schemaDiffQuery(cluster, subject, from, to));
  const select = (label: string, value: number, set: (v: number) => void) => (
    <label className="flex items-center gap-1.5 text-sm">
      {label}
      <select className={`${controlLook} w-24`} value={value} onChange={(e) => set(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-4">
        {select('From version', from, (v) => onChange({ from: v, to }))}
        {select('To version', to, (v) => onChange({ from, to: v }))}
        {query.data ? (
          <span className="text-xs text-zinc-500" role="status">
            {query.data.added} added, {query.data.removed} removed
          </span>
        ) : null}
      </div>
      {query.error ? <ErrorBanner error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <pre aria-label={`Diff of versions ${query.data.from} and ${query.data.to}`} className="max-h-[32rem] overflow-auto rounded-md border border-zinc-200 text-xs dark:border-zinc-800">
          {query.data.lines.map((line, i) => (
            <div key={i} data-kind={line.kind} className={`px-2 whitespace-pre ${LOOK[line.kind].className}`}>
              <span aria-hidden className="mr-2 select-none">
                {LOOK[line.kind].mark}
              </span>
              {line.text}
            </div>
          ))}
        </pre>
      ) : query.error ? null : (
        <Skeleton rows={4} label="Loading diff" />
      )}
    </div>
  );
}
