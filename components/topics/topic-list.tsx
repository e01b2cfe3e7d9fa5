'use client';
// The topic list: filter, sort and paging all happen on the server and live in the URL; the rows of
// the current page are virtualised, so 10,000 topics page through as smoothly as ten. Row links do
// not prefetch: each prefetch is a server render, and a page of rows would send dozens of them
// just after the page loads, competing with whatever the user does next.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useMemo } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { useSwitches } from '@/components/settings/use-switches';
import { Badge } from '@/components/ui/badge';
import { EmptyState, PanelError, Skeleton } from '@/components/ui/feedback';
import { Pager, PastLastPage } from '@/components/ui/pager';
import { Panel } from '@/components/ui/panel';
import { SearchInput } from '@/components/ui/search-input';
import { nextSort } from '@/components/ui/sort';
import { VirtualTable, type Column } from '@/components/ui/virtual-table';
import { useUrlState } from '@/components/url/use-url-state';
import { topicListQuery } from '@/lib/api/queries/topics';
import { formatInt64, formatSize } from '@/lib/format/numbers';
import { TopicListQuerySchema, type TopicSummary } from '@/lib/schemas/topic';
import { showBidiControls } from '@/lib/format/bidi';

const columnsOf = (cluster: string): Column<TopicSummary>[] => [
  {
    id: 'name',
    header: 'Name',
    sortKey: 'name',
    className: 'max-w-[28rem] truncate',
    cell: (t) => (
      <Link prefetch={false} href={clusterPath(cluster, 'topics', t.name)} className="font-medium text-emerald-700 hover:underline dark:text-emerald-400">
        {showBidiControls(t.name)}
      </Link>
    ),
  },
  { id: 'flags', header: '', cell: (t) => (t.internal ? <Badge>internal</Badge> : null) },
  { id: 'partitions', header: 'Partitions', sortKey: 'partitions', align: 'right', cell: (t) => t.partitions },
  { id: 'rf', header: 'Replication', sortKey: 'replicationFactor', align: 'right', cell: (t) => t.replicationFactor },
  {
    id: 'urp',
    header: 'Under-replicated',
    sortKey: 'underReplicated',
    align: 'right',
    cell: (t) =>
      t.offline > 0 ? (
        <Badge tone="bad">{t.offline} offline</Badge>
      ) : t.underReplicated > 0 ? (
        <Badge tone="warn">{t.underReplicated}</Badge>
      ) : (
        <span className="text-zinc-400">0</span>
      ),
  },
  { id: 'messages', header: 'Messages', sortKey: 'messages', align: 'right', cell: (t) => formatInt64(t.messages) },
  {
    id: 'size',
    header: 'Size',
    sortKey: 'size',
    align: 'right',
    cell: (t) => <span title={t.sizeBytes === null ? 'Not reported by the brokers' : `${formatInt64(t.sizeBytes)} bytes`}>{formatSize(t.sizeBytes)}</span>,
  },
  {
    id: 'custom',
    header: 'Config',
    cell: (t) => (t.customConfig ? <Badge tone="warn" title="At least one config differs from the default">custom</Badge> : null),
  },
];

export function TopicList() {
  const cluster = useCluster();
  const { can } = useSwitches();
  const columns = useMemo(() => columnsOf(cluster), [cluster]);
  const [q, setUrl] = useUrlState(TopicListQuerySchema);
  const query = useQuery(topicListQuery(cluster, q));
  const onFilter = useCallback((v: string) => setUrl({ q: v, page: undefined }), [setUrl]);
  const onSort = (key: string) => setUrl({ ...nextSort(q, key), page: undefined });
  return (
    <Panel
      flush
      toolbar={
        <>
          <SearchInput value={q.q} onChange={onFilter} label="Filter topics" placeholder="Filter topics by name…" />
          <label className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={q.internal} onChange={(e) => setUrl({ internal: e.target.checked, page: undefined })} />
            Show internal topics
          </label>
          {query.isFetching && query.data ? <span className="text-xs text-zinc-500">Refreshing…</span> : null}
        </>
      }
    >
      <PanelError query={query} />
      {query.data ? (
        query.data.items.length === 0 && query.data.total > 0 ? (
          <PastLastPage page={query.data.page} onFirst={() => setUrl({ page: undefined })} />
        ) : query.data.items.length === 0 ? (
          <EmptyState title={q.q ? `No topic matches “${q.q}”` : 'No topics yet'}>
            {q.q ? 'Try a shorter filter, or include internal topics.' : can('topicCreate') ? 'Create one with “New topic”.' : null}
          </EmptyState>
        ) : (
          <>
            <VirtualTable rows={query.data.items} columns={columns} rowKey={(t) => t.name} label="Topics" sort={{ key: q.sort, dir: q.dir, onSort }} />
            <Pager
              page={query.data.page}
              pageSize={query.data.pageSize}
              total={query.data.total}
              noun="topics"
              onPage={(page) => setUrl({ page })}
              onPageSize={(pageSize) => setUrl({ pageSize, page: undefined })}
            />
          </>
        )
      ) : query.error ? null : (
        <Skeleton rows={8} label="Loading topics" />
      )}
    </Panel>
  );
}
