'use client';
// Server-side search: the topic is scanned on the server, in parallel per partition and within a
// budget; this panel shows live progress (scanned, matched, each partition's position) with a
// Cancel button, and the matches as expandable message rows. Keys and values are matched as decoded
// in the browser's chosen formats (an Avro field's value is found).
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { ErrorBanner } from '@/components/ui/feedback';
import { SelectField, TextField } from '@/components/ui/field';
import { Panel } from '@/components/ui/panel';
import type { TimeZoneMode } from '@/lib/format/dates';
import type { MessageFormat } from '@/lib/schemas/message';
import { formatCount, formatInt64, fraction } from '@/lib/format/numbers';
import { MessageTable } from './message-table';
import { useSearch } from './use-search';

/** How far one partition's scan has come, from where it started to where it stops (0..1). */
function scanShare(p: { start: string; position: string; end: string }): number {
  const done = (BigInt(p.position) - BigInt(p.start)).toString();
  const total = (BigInt(p.end) - BigInt(p.start)).toString();
  return fraction(done, total);
}

const REASONS = { limit: 'result limit reached', budget: 'scan budget used up', end: 'end of topic reached', cancelled: 'cancelled' } as const;

export function SearchPanel({
  topic,
  partition,
  tz,
  keyFormat,
  valueFormat,
}: {
  topic: string;
  partition: number | undefined;
  tz: TimeZoneMode;
  keyFormat?: MessageFormat | undefined;
  valueFormat?: MessageFormat | undefined;
}) {
  const { state, start, cancel } = useSearch(useCluster(), topic);
  const [q, setQ] = useState('');
  const [fields, setFields] = useState({ key: true, value: true, headers: true });
  const [mode, setMode] = useState<'contains' | 'regex'>('contains');
  const [maxScan, setMaxScan] = useState('100000');
  const [open, setOpen] = useState<string | undefined>();
  const inList = Object.entries(fields).filter(([, on]) => on).map(([k]) => k).join(',');
  const submit = () => q && inList && start({ q, in: inList, mode, partition, maxScan: Number(maxScan), limit: 500, keyFormat, valueFormat });
  const p = state.progress;
  return (
    <Panel title={`Search ${partition === undefined ? 'all partitions' : `partition ${partition}`}`}>
      <form
        role="search"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField label="Search text" className="w-72" value={q} onChange={(e) => setQ(e.target.value)} placeholder={mode === 'regex' ? 'regular expression (RE2 syntax)' : 'contains (case-insensitive)'} />
        <fieldset className="flex items-center gap-3 pb-1.5 text-sm">
          <legend className="sr-only">Search in</legend>
          {(['key', 'value', 'headers'] as const).map((f) => (
            <label key={f} className="flex items-center gap-1">
              <input type="checkbox" checked={fields[f]} onChange={(e) => setFields((s) => ({ ...s, [f]: e.target.checked }))} />
              {f}
            </label>
          ))}
        </fieldset>
        <SelectField label="Match" className="w-32" value={mode} onChange={(e) => setMode(e.target.value as 'contains' | 'regex')}>
          <option value="contains">Contains</option>
          <option value="regex">Regex</option>
        </SelectField>
        <SelectField label="Scan at most" className="w-36" value={maxScan} onChange={(e) => setMaxScan(e.target.value)}>
          {['10000', '100000', '1000000', '10000000'].map((n) => (
            <option key={n} value={n}>
              {formatInt64(n)}
            </option>
          ))}
        </SelectField>
        {state.running ? (
          <Button variant="danger" onClick={cancel}>
            Cancel
          </Button>
        ) : (
          <Button type="submit" variant="primary" disabled={!q || !inList}>
            Search
          </Button>
        )}
      </form>
      {state.error ? <div className="mt-3"><ErrorBanner error={state.error} title="Search failed" /></div> : null}
      {state.running || state.done || p ? (
        <div className="mt-4 space-y-2" aria-live="polite">
          <p className="text-sm" role="status">
            {state.running ? 'Searching… ' : 'Search finished: '}
            scanned <strong className="tabular-nums">{formatCount(p?.scanned ?? state.done?.scanned ?? 0)}</strong>, matched{' '}
            <strong className="tabular-nums">{formatCount(state.matches.length)}</strong>
            {state.done ? ` (${REASONS[state.done.reason]})` : ''}
          </p>
          {p ? (
            <div className="grid gap-x-8 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
              {p.partitions.map((pp) => (
                <div key={pp.partition} className="flex items-center gap-2 text-xs">
                  <span className="w-20 text-zinc-500">Partition {pp.partition}</span>
                  <div className="h-1.5 flex-1 rounded bg-zinc-200 dark:bg-zinc-800" aria-hidden>
                    <div className={`h-1.5 rounded ${pp.done ? 'bg-emerald-500' : 'bg-sky-500'}`} style={{ width: `${pp.done ? 100 : scanShare(pp) * 100}%` }} />
                  </div>
                  <span className="min-w-20 text-right font-mono tabular-nums text-zinc-500">
                    {formatInt64(pp.position)}/{formatInt64(pp.end)}
                  </span>
                </div>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      {state.matches.length > 0 ? (
        <div className="-mx-4 mt-4 border-t border-zinc-200 dark:border-zinc-800">
          <MessageTable label="Search results" messages={state.matches} tz={tz} open={open} onToggle={setOpen} />
        </div>
      ) : null}
    </Panel>
  );
}
