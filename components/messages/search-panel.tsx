'use client';
// Server-side search over the view: the partition(s), range and order of the page, and the query,
// fields and mode, all from the URL — so a search can be shared and reloads where it was. The topic
// is scanned on the server (partitions in parallel, newest first backwards from the end), with live
// progress (scanned, matched, each partition's position) and a Stop button; the matches arrive in
// the view's order and replace the page's table. A finished or stopped search can Continue from where
// it stopped. Keys and values are matched as decoded in the chosen formats.
import { useEffect, useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { Button } from '@/components/ui/button';
import { ErrorBanner } from '@/components/ui/feedback';
import { SelectField, TextField } from '@/components/ui/field';
import { Panel } from '@/components/ui/panel';
import { formatCount, formatInt64, fraction } from '@/lib/format/numbers';
import { toSearchRequest, type BrowseUrl } from './browse-params';
import { MessageTable } from './message-table';
import { useSearch } from './use-search';

/** How far one partition's scan has come, from where it started to where it stops (0..1). */
function scanShare(p: { start: string; position: string; end: string }): number {
  const done = BigInt(p.position) - BigInt(p.start);
  const total = BigInt(p.end) - BigInt(p.start);
  const abs = (x: bigint) => (x < 0n ? -x : x);
  return fraction(abs(done).toString(), abs(total).toString());
}

const REASONS = { limit: 'result limit reached', budget: 'scan budget used up', end: 'end of range reached', cancelled: 'stopped' } as const;
const FIELDS = ['key', 'value', 'headers'] as const;

export interface SearchPatch {
  q: string | undefined;
  in: string | undefined;
  match: 'contains' | 'regex' | undefined;
}

/** The form: a draft of the URL's search, applied on submit. */
function SearchForm({ u, running, onSearch, onStop }: { u: BrowseUrl; running: boolean; onSearch: (p: SearchPatch) => void; onStop: () => void }) {
  const [q, setQ] = useState(u.q ?? '');
  const chosen = (u.in ?? 'key,value,headers').split(',');
  const [fields, setFields] = useState(Object.fromEntries(FIELDS.map((f) => [f, chosen.includes(f)])) as Record<(typeof FIELDS)[number], boolean>);
  const [mode, setMode] = useState<'contains' | 'regex'>(u.match);
  const inList = FIELDS.filter((f) => fields[f]).join(',');
  return (
    <form
      role="search"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (q && inList) onSearch({ q, in: inList === 'key,value,headers' ? undefined : inList, match: mode === 'contains' ? undefined : mode });
      }}
    >
      <TextField label="Search text" className="w-72" value={q} onChange={(e) => setQ(e.target.value)} placeholder={mode === 'regex' ? 'regular expression (RE2 syntax)' : 'contains (case-insensitive)'} />
      <fieldset className="flex items-center gap-3 pb-1.5 text-sm">
        <legend className="sr-only">Search in</legend>
        {FIELDS.map((f) => (
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
      {running ? (
        <Button variant="danger" onClick={onStop}>
          Stop
        </Button>
      ) : (
        <Button type="submit" variant="primary" disabled={!q || !inList}>
          Search
        </Button>
      )}
    </form>
  );
}

export function SearchPanel({ topic, u, onSearch, onOpen }: { topic: string; u: BrowseUrl; onSearch: (p: SearchPatch) => void; onOpen: (open: string | undefined) => void }) {
  const { state, start, resume, cancel } = useSearch(useCluster(), topic);
  const [maxScan, setMaxScan] = useState('100000');
  const request = toSearchRequest(u, Number(maxScan));
  const requestKey = JSON.stringify(request);
  // The URL is the search: whenever it names one (typed, shared, reloaded, or the view changed), run it.
  useEffect(() => {
    const r = JSON.parse(requestKey) as ReturnType<typeof toSearchRequest>;
    if (r) start(r);
  }, [requestKey, start]);
  const p = state.progress;
  const where = `${u.partition === undefined ? 'all partitions' : `partition ${u.partition}`}, ${u.order === 'desc' ? 'newest first' : 'oldest first'}`;
  return (
    <Panel title={`Search ${where}`}>
      <div className="flex flex-wrap items-end gap-3">
        <SearchForm u={u} running={state.running} onSearch={onSearch} onStop={cancel} key={`${u.q}|${u.in}|${u.match}`} />
        <SelectField label="Scan at most" className="w-36" value={maxScan} onChange={(e) => setMaxScan(e.target.value)}>
          {['10000', '100000', '1000000', '10000000'].map((n) => (
            <option key={n} value={n}>
              {formatInt64(n)}
            </option>
          ))}
        </SelectField>
        {!state.running && state.cursor && state.done ? (
          <Button onClick={resume} title="Search on from where this search stopped">
            Continue
          </Button>
        ) : null}
      </div>
      {state.error ? (
        <div className="mt-3">
          <ErrorBanner error={state.error} title="Search failed" />
        </div>
      ) : null}
      {state.running || state.done || p ? (
        <div className="mt-4 space-y-2" aria-live="polite">
          <p className="text-sm" role="status">
            {state.running ? 'Searching… ' : 'Search finished: '}
            {!state.running && state.matches.length === 0 ? (
              <>
                <strong className="tabular-nums">0</strong> matches in <strong className="tabular-nums">{formatCount(state.scanned)}</strong> scanned
              </>
            ) : (
              <>
                scanned <strong className="tabular-nums">{formatCount(state.scanned)}</strong>, matched <strong className="tabular-nums">{formatCount(state.matches.length)}</strong>
              </>
            )}
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
          <MessageTable label="Search results" messages={state.matches} tz={u.tz} open={u.open} onToggle={onOpen} />
        </div>
      ) : null}
    </Panel>
  );
}
