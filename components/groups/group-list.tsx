'use client';
// Consumer groups: filter, state, status, sort and paging on the server and in the URL; rows
// virtualised. Each row shows the group's verdict from the lag history, its recent lag as a
// sparkline and how far behind the newest record it is. Row links do not prefetch (see TopicList).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useMemo } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { Badge } from '@/components/ui/badge';
import { EmptyState, PanelError, Skeleton } from '@/components/ui/feedback';
import { FilterSelect } from '@/components/ui/field';
import { Pager, PastLastPage } from '@/components/ui/pager';
import { Panel } from '@/components/ui/panel';
import { SearchInput } from '@/components/ui/search-input';
import { nextSort } from '@/components/ui/sort';
import { VirtualTable, type Column } from '@/components/ui/virtual-table';
import { useUrlState } from '@/components/url/use-url-state';
import { groupListQuery } from '@/lib/api/queries/groups';
import { GroupListQuerySchema, GroupState, type GroupSummary } from '@/lib/schemas/group';
import { Sparkline } from '@/components/lag/sparkline';
import { StatusBadge } from '@/components/lag/status-badge';
import { formatSeconds } from '@/lib/format/duration';
import { LagStatus } from '@/lib/schemas/lag-history';
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
      <Link prefetch={false} href={clusterPath(cluster, 'groups', g.groupId)} className="font-medium text-emerald-700 hover:underline dark:text-emerald-400">
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
  { id: 'trend', header: 'Recent lag', cell: (g) => <Sparkline values={g.lagTrend} label={`Recent lag of ${g.groupId}`} /> },
  { id: 'lagSeconds', header: 'Behind', align: 'right', cell: (g) => <span className="tabular-nums" title="Time from the record at the committed offset to the newest record (worst partition)">{formatSeconds(g.lagSeconds)}</span> },
  { id: 'status', header: 'Status', sortKey: 'status', cell: (g) => <StatusBadge status={g.status} reason={g.statusReason} /> },
];

export function GroupList() {
  const cluster = useCluster();
  const columns = useMemo(() => columnsOf(cluster), [cluster]);
  const [q, setUrl] = useUrlState(GroupListQuerySchema);
  const query = useQuery(groupListQuery(cluster, q));
  const onFilter = useCallback((v: string) => setUrl({ q: v, page: undefined }), [setUrl]);
  const onSort = (key: string) => setUrl({ ...nextSort(q, key), page: undefined });
  return (
    <Panel
      flush
      toolbar={
        <>
          <SearchInput value={q.q} onChange={onFilter} label="Filter groups" placeholder="Filter groups by id…" />
          <FilterSelect label="State" any="Any state" value={q.state} options={GroupState.options} onChange={(state) => setUrl({ state, page: undefined })} className="w-48" />
          <FilterSelect label="Status" any="Any status" value={q.status} options={LagStatus.options} onChange={(status) => setUrl({ status, page: undefined })} />
        </>
      }
    >
      <PanelError query={query} />
      {query.data ? (
        query.data.items.length === 0 && query.data.total > 0 ? (
          <PastLastPage page={query.data.page} onFirst={() => setUrl({ page: undefined })} />
        ) : query.data.items.length === 0 ? (
          <EmptyState title={q.q || q.state || q.status ? 'No group matches' : 'No consumer groups'}>
            {q.q || q.state || q.status ? 'Try another id filter, state or status.' : 'Groups appear once a consumer joins or commits offsets.'}
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
