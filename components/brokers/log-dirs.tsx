'use client';
// The brokers page's log directories: per broker, each directory with its size on disk and replica
// count (DescribeLogDirs). A broker that did not answer says so instead of showing 0 B.
import { useQuery } from '@tanstack/react-query';
import { useCluster } from '@/components/cluster/cluster-context';
import { Badge } from '@/components/ui/badge';
import { QueryState } from '@/components/ui/feedback';
import { Panel } from '@/components/ui/panel';
import { SimpleTable } from '@/components/ui/simple-table';
import { logDirsQuery } from '@/lib/api/queries/cluster';
import { formatCount, formatInt64, formatSize } from '@/lib/format/numbers';

interface Row {
  broker: number;
  path: string | null;
  error: string | null;
  sizeBytes: string | null;
  partitions: number | null;
}

export function LogDirsPanel() {
  const query = useQuery(logDirsQuery(useCluster()));
  return (
    <Panel title="Log directories" flush className="mt-5">
      <QueryState query={query} label="Loading log directories">
        {(data) => {
          const rows: Row[] = data.brokers.flatMap((b): Row[] =>
            b.answered ? b.dirs.map((d) => ({ broker: b.id, ...d })) : [{ broker: b.id, path: null, error: null, sizeBytes: null, partitions: null }],
          );
          return (
            <SimpleTable
              label="Log directories"
              rows={rows}
              rowKey={(r) => `${r.broker}\u0000${r.path ?? ''}`}
              columns={[
                { id: 'broker', header: 'Broker', cell: (r) => r.broker },
                {
                  id: 'path',
                  header: 'Directory',
                  cell: (r) => (r.path === null ? <span className="text-zinc-500">not reported (DescribeLogDirs unanswered)</span> : <span className="font-mono text-xs">{r.path}</span>),
                },
                { id: 'status', header: 'Status', cell: (r) => (r.error ? <Badge tone="bad">{r.error}</Badge> : r.path !== null ? <Badge tone="good">ok</Badge> : null) },
                { id: 'partitions', header: 'Replicas', align: 'right', cell: (r) => (r.partitions === null ? '—' : formatCount(r.partitions)) },
                {
                  id: 'size',
                  header: 'Size',
                  align: 'right',
                  cell: (r) => <span title={r.sizeBytes === null ? undefined : `${formatInt64(r.sizeBytes)} bytes`}>{formatSize(r.sizeBytes)}</span>,
                },
              ]}
            />
          );
        }}
      </QueryState>
    </Panel>
  );
}
