'use client';
// The messages page: controls and paging from the URL, the current page kept on screen while the
// next loads, the server-side search (whose results, while a search is in the URL, replace the
// page of records), and the produce dialog. The paging buttons say which way in
// time they go ("← Newer" / "Older →" when newest first), since "previous" of a page that starts
// from the earliest offset but lists newest first would otherwise read as going back in time.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { useSwitches } from '@/components/settings/use-switches';
import { Button } from '@/components/ui/button';
import { EmptyState, PanelError, Skeleton } from '@/components/ui/feedback';
import { Panel } from '@/components/ui/panel';
import { useUrlState } from '@/components/url/use-url-state';
import { messagesQuery } from '@/lib/api/queries/messages';
import { topicQuery } from '@/lib/api/queries/topics';
import { formatInt64 } from '@/lib/format/numbers';
import { offsetRange, plural } from '@/lib/format/plural';
import { BrowseControls } from './browse-controls';
import { BrowseUrlSchema, toApiQuery } from './browse-params';
import { ExportButton } from './export-button';
import { FilterField } from './filter-field';
import { LiveTail } from './live-tail';
import { MessageTable } from './message-table';
import { ProduceDialog, ReplayDialog, SearchPanel } from './lazy';

export function MessageBrowser({ topic }: { topic: string }) {
  const [u, setUrl] = useUrlState(BrowseUrlSchema);
  const cluster = useCluster();
  const searchShown = u.q !== undefined;
  const query = useQuery({ ...messagesQuery(cluster, topic, toApiQuery(u)), enabled: !searchShown });
  const detail = useQuery(topicQuery(cluster, topic));
  const { can } = useSwitches();
  const [producing, setProducing] = useState(false);
  const [searching, setSearching] = useState(false);
  const [replaying, setReplaying] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const live = u.mode === 'live';
  const partitions = detail.data?.partitions.length ?? query.data?.watermarks.length ?? 0;
  const page = query.data;
  return (
    <div className="space-y-4">
      <Panel>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <BrowseControls topic={topic} u={u} partitions={partitions} onChange={(p) => setUrl(p, 'push')} />
          <div className="flex flex-wrap gap-2">
            <Button aria-pressed={live} onClick={() => setUrl({ mode: live ? undefined : 'live', cursor: undefined, open: undefined }, 'push')}>
              {live ? 'Browse' : 'Live'}
            </Button>
            <ExportButton topic={topic} u={u} />
            <Button onClick={() => setReplaying(true)}>Replay{selected.size > 0 ? ` (${selected.size})` : ''}</Button>
            <Button
              aria-pressed={searching || searchShown}
              onClick={() => {
                if (searching || searchShown) setUrl({ q: undefined, in: undefined, match: undefined, open: undefined }, 'push');
                setSearching(!(searching || searchShown));
              }}
            >
              Search
            </Button>
            {can('messageSend', topic) ? (
              <Button variant="primary" onClick={() => setProducing(true)}>
                Produce
              </Button>
            ) : null}
          </div>
        </div>
        <div className="mt-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <FilterField key={u.filter ?? ''} cluster={cluster} topic={topic} value={u.filter} error={query.error} onApply={(filter) => setUrl({ filter, cursor: undefined }, 'push')} />
        </div>
      </Panel>
      {live ? <LiveTail topic={topic} partition={u.partition} filter={u.filter} keyFormat={u.keyFormat} valueFormat={u.valueFormat} protobufDesc={u.protobufDesc} protobufType={u.protobufType} rows={u.rows} tz={u.tz} /> : null}
      {!live && (searching || searchShown) ? <SearchPanel topic={topic} u={u} onSearch={(s) => setUrl({ ...s, cursor: undefined, open: undefined }, 'push')} onOpen={(open) => setUrl({ open })} /> : null}
      {page && page.notices.length > 0 && !searchShown ? (
        <ul role="note" aria-label="Range notices" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/50">
          {page.notices.map((n) => (
            <li key={`${n.partition}-${n.bound}`}>
              Partition {n.partition}: offset {formatInt64(n.requested)} is below the log start (older records were deleted); the {n.bound === 'from' ? 'start' : 'stop'} moved to
              the log start, {formatInt64(n.used)}.
            </li>
          ))}
        </ul>
      ) : null}
      {live || searchShown ? null : (
        <Panel
          flush
          title={
            page ? (
              <span className="font-normal text-zinc-600 dark:text-zinc-400">
                {plural(page.messages.length, 'message')}
                {u.partition !== undefined
                  ? page.watermarks
                      .filter((w) => w.partition === u.partition)
                      .map((w) => ` · ${offsetRange(w.low, w.high)}`)
                  : ` · ${plural(page.watermarks.length, 'partition')}`}
                {query.isFetching ? ' · loading…' : ''}
              </span>
            ) : (
              'Messages'
            )
          }
          actions={
            <>
              <Button size="sm" disabled={!page?.prev || query.isFetching} onClick={() => setUrl({ cursor: page?.prev ?? undefined, open: undefined }, 'push')}>
                ← {u.order === 'asc' ? 'Older' : 'Newer'}
              </Button>
              <Button size="sm" disabled={!page?.next || query.isFetching} onClick={() => setUrl({ cursor: page?.next ?? undefined, open: undefined }, 'push')}>
                {u.order === 'asc' ? 'Newer' : 'Older'} →
              </Button>
            </>
          }
        >
          <PanelError query={query} />
          {page ? (
            page.messages.length === 0 ? (
              <EmptyState title="No messages here">Try another start position or partition, or produce one.</EmptyState>
            ) : (
              <MessageTable
                messages={page.messages}
                tz={u.tz}
                open={u.open}
                onToggle={(open) => setUrl({ open })}
                selected={selected}
                onSelect={(id, on) =>
                  setSelected((s) => {
                    const next = new Set(s);
                    if (on) next.add(id);
                    else next.delete(id);
                    return next;
                  })
                }
              />
            )
          ) : query.error ? null : (
            <Skeleton rows={10} label="Loading messages" />
          )}
        </Panel>
      )}
      <ReplayDialog
        key={replaying ? 'open' : 'closed'}
        topic={topic}
        open={replaying}
        onClose={() => setReplaying(false)}
        selected={[...selected].map((id) => ({ partition: Number(id.split('-')[0]), offset: id.split('-')[1]! }))}
        filter={u.filter}
        partition={u.partition}
      />
      <ProduceDialog topic={topic} partitions={partitions} tz={u.tz} open={producing} onClose={() => setProducing(false)} />
    </div>
  );
}
