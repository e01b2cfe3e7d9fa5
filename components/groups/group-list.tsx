'use client';
// Consumer groups: filter, state, sort and paging on the server and in the URL; rows virtualised.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useMemo } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { Badge } from '@/components/ui/badge';
import { EmptyState, ErrorBanner, Skeleton } from '@/components/ui/feedback';
import { controlLook } from '@/components/ui/field';
import { Pager, PastLastPage } from '@/components/ui/pager';
import { Panel } from '@/components/ui/panel';
import { SearchInput } from '@/components/ui/search-input';
import { VirtualTable, type Column } from '@/components/ui/virtual-table';
import { useUrlState } from '@/components/url/use-url-state';
import { groupListQuery } from '@/lib/api/queries/groups';
import { GroupListQuerySchema, GroupState, type GroupSummary } from '@/lib/schemas/group';
import { LagValue } from './lag-value';
import { stateTone } from './state-tone';
import { showBidiControls } from '@/lib/format/bidi';

const columnsOf = (cluster: string): Column<GroupSummary>[] => [
  {
    id: 'group',
    header: 'Group',
    sortKey: 'groupId',
    className: 'max-w-[28rem] truncate',
    cell: (g) => (
      <Link href={clusterPath(cluster, 'groups', g.groupId)} className="font-medium text-emerald-700 hover:underline dark:text-emerald-400">
        {showBidiControls(g.groupId)}
      </Link>
    ),
  },
  { id: 'state', header: 'State', sortKey: 'state', cell: (g) => <Badge tone={stateTone(g.state)}>{g.state}</Badge> },
  { id: 'members', header: 'Members', sortKey: 'members', align: 'right', cell: (g) => g.members },
  {
    id: 'topics',
    header: 'Topics',
    sortKey: 'topics',
    className: 'max-w-[20rem] truncate',
    cell: (g) => {
      const topics = g.topics.map(showBidiControls);
      return <span title={topics.join(', ')}>{topics.length <= 2 ? topics.join(', ') : `${topics.slice(0, 2).join(', ')} +${topics.length - 2}`}</span>;
    },
  },
  { id: 'lag', header: 'Total lag', sortKey: 'totalLag', align: 'right', cell: (g) => <LagValue lag={g.totalLag} /> },
];

export function GroupList() {
  const cluster = useCluster();
  const columns = useMemo(() => columnsOf(cluster), [cluster]);
  const [q, setUrl] = useUrlState(GroupListQuerySchema);
  const query = useQuery(groupListQuery(cluster, q));
  const onFilter = useCallback((v: string) => setUrl({ q: v, page: undefined }), [setUrl]);
  const onSort = (key: string) => setUrl({ sort: key, dir: q.sort === key && q.dir === 'asc' ? 'desc' : 'asc', page: undefined });
  return (
    <Panel
      flush
      toolbar={
        <>
          <SearchInput value={q.q} onChange={onFilter} label="Filter groups" placeholder="Filter groups by id…" />
          <label className="sr-only" htmlFor="group-state">
            State
          </label>
          <select id="group-state" value={q.state ?? ''} onChange={(e) => setUrl({ state: e.target.value || undefined, page: undefined })} className={`${controlLook} w-48`}>
            <option value="">Any state</option>
            {GroupState.options.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </>
      }
    >
      {query.error ? (
        <div className="p-4">
          <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
        </div>
      ) : null}
      {query.data ? (
        query.data.items.length === 0 && query.data.total > 0 ? (
          <PastLastPage page={query.data.page} onFirst={() => setUrl({ page: undefined })} />
        ) : query.data.items.length === 0 ? (
          <EmptyState title={q.q || q.state ? 'No group matches' : 'No consumer groups'}>
            {q.q || q.state ? 'Try another id filter or state.' : 'Groups appear once a consumer joins or commits offsets.'}
          </EmptyState>
        ) : (
          <>
            <VirtualTable rows={query.data.items} columns={columns} rowKey={(g) => g.groupId} label="Consumer groups" sort={{ key: q.sort, dir: q.dir, onSort }} />
            <Pager page={query.data.page} pageSize={query.data.pageSize} total={query.data.total} noun="groups" onPage={(page) => setUrl({ page })} onPageSize={(pageSize) => setUrl({ pageSize, page: undefined })} />
          </>
        )
      ) : query.error ? null : (
        <Skeleton rows={8} label="Loading groups" />
      )}
    </Panel>
  );
}
