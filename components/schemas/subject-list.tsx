'use client';
// The registry's subjects: filter, type and paging in the URL (on the server), the latest version,
// the compatibility level and the topic each name stands for (TopicNameStrategy).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useMemo } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { useSwitches } from '@/components/settings/use-switches';
import { Badge } from '@/components/ui/badge';
import { EmptyState, PanelError, Skeleton } from '@/components/ui/feedback';
import { FilterSelect } from '@/components/ui/field';
import { Pager, PastLastPage } from '@/components/ui/pager';
import { Panel } from '@/components/ui/panel';
import { SearchInput } from '@/components/ui/search-input';
import { VirtualTable, type Column } from '@/components/ui/virtual-table';
import { useUrlState } from '@/components/url/use-url-state';
import { subjectListQuery } from '@/lib/api/queries/schemas';
import { showBidiControls } from '@/lib/format/bidi';
import { SchemaTypeSchema, SubjectListQuerySchema, type SubjectSummary } from '@/lib/schemas/schema-registry';
import { CompatibilityControl } from './compatibility-control';

const columnsOf = (cluster: string): Column<SubjectSummary>[] => [
  {
    id: 'subject',
    header: 'Subject',
    className: 'max-w-[28rem] truncate',
    cell: (s) => (
      <span className="inline-flex items-center gap-2">
        <Link prefetch={false} href={clusterPath(cluster, 'schemas', s.subject)} className="font-medium text-emerald-700 hover:underline dark:text-emerald-400">
          {showBidiControls(s.subject)}
        </Link>
        {s.deleted ? <Badge tone="warn">soft-deleted</Badge> : null}
      </span>
    ),
  },
  { id: 'type', header: 'Type', cell: (s) => (s.type ? <Badge tone="info">{s.type}</Badge> : '—') },
  { id: 'version', header: 'Latest version', align: 'right', cell: (s) => s.latestVersion ?? '—' },
  { id: 'id', header: 'Schema id', align: 'right', cell: (s) => s.latestId ?? '—' },
  { id: 'compatibility', header: 'Compatibility', cell: (s) => s.compatibility ?? <span className="text-zinc-500">global</span> },
  {
    id: 'topic',
    header: 'Topic',
    className: 'max-w-[20rem] truncate',
    cell: (s) =>
      s.topic ? (
        <span>
          <Link prefetch={false} href={clusterPath(cluster, 'topics', s.topic.name)} className="hover:underline">
            {showBidiControls(s.topic.name)}
          </Link>{' '}
          <span className="text-zinc-500">({s.topic.role})</span>
        </span>
      ) : (
        '—'
      ),
  },
];

export function SubjectList() {
  const cluster = useCluster();
  const { settings } = useSwitches();
  const columns = useMemo(() => columnsOf(cluster), [cluster]);
  const [q, setUrl] = useUrlState(SubjectListQuerySchema);
  const hasRegistry = settings?.schemaRegistry !== false;
  const query = useQuery({ ...subjectListQuery(cluster, q), enabled: hasRegistry });
  const onFilter = useCallback((v: string) => setUrl({ q: v, page: undefined }), [setUrl]);
  if (!hasRegistry) {
    return (
      <EmptyState title="No schema registry">
        This cluster has no schema registry configured (SCHEMAREGISTRY_CONNECT, or KAFKA_CLUSTERS_&lt;n&gt;_SCHEMAREGISTRY).
      </EmptyState>
    );
  }
  return (
    <Panel
      flush
      toolbar={
        <>
          <SearchInput value={q.q} onChange={onFilter} label="Filter subjects" placeholder="Filter subjects by name…" />
          <FilterSelect label="Type" any="Any type" value={q.type} options={SchemaTypeSchema.options} onChange={(type) => setUrl({ type, page: undefined })} />
          <label className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={q.deleted} onChange={(e) => setUrl({ deleted: e.target.checked || undefined, page: undefined })} /> Show soft-deleted
          </label>
        </>
      }
      actions={query.data ? <CompatibilityControl cluster={cluster} subject={null} level={query.data.globalCompatibility} own /> : null}
    >
      <PanelError query={query} />
      {query.data ? (
        query.data.items.length === 0 && query.data.total > 0 ? (
          <PastLastPage page={query.data.page} onFirst={() => setUrl({ page: undefined })} />
        ) : query.data.items.length === 0 ? (
          <EmptyState title={q.q || q.type ? 'No subject matches' : 'No subjects'}>
            {q.q || q.type ? 'Try another filter or type.' : 'Subjects appear once a producer or an editor registers a schema.'}
          </EmptyState>
        ) : (
          <>
            <VirtualTable rows={query.data.items} columns={columns} rowKey={(s) => s.subject} label="Subjects" />
            <Pager page={query.data.page} pageSize={query.data.pageSize} total={query.data.total} noun="subjects" onPage={(page) => setUrl({ page })} onPageSize={(pageSize) => setUrl({ pageSize, page: undefined })} />
          </>
        )
      ) : query.error ? null : (
        <Skeleton rows={8} label="Loading subjects" />
      )}
    </Panel>
  );
}
