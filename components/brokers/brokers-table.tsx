'use client';
// The brokers of the cluster with the share of partition leadership each carries; used on the
// overview and the brokers page.
import Link from 'next/link';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { Badge } from '@/components/ui/badge';
import { SimpleTable } from '@/components/ui/simple-table';
import type { Column } from '@/components/ui/virtual-table';
import { formatCount } from '@/lib/format/numbers';
import type { BrokerSummary } from '@/lib/schemas/broker';

export function BrokersTable({ brokers }: { brokers: readonly BrokerSummary[] }) {
  const cluster = useCluster();
  const led = brokers.reduce((s, b) => s + b.partitionsLed, 0);
  const columns: Column<BrokerSummary>[] = [
    {
      id: 'id',
      header: 'ID',
      cell: (b) => (
        <Link prefetch={false} href={clusterPath(cluster, 'brokers', b.id)} className="font-medium text-emerald-700 hover:underline dark:text-emerald-400">
          {b.id}
        </Link>
      ),
    },
    { id: 'address', header: 'Host:port', cell: (b) => <span className="font-mono">{`${b.host}:${b.port}`}</span> },
    { id: 'rack', header: 'Rack', cell: (b) => b.rack ?? <span className="text-zinc-400">—</span> },
    { id: 'controller', header: 'Role', cell: (b) => (b.isController ? <Badge tone="info">controller</Badge> : null) },
    { id: 'led', header: 'Partitions led', align: 'right', cell: (b) => formatCount(b.partitionsLed) },
    {
      id: 'share',
      header: 'Share',
      cell: (b) => {
        const pct = led ? (b.partitionsLed / led) * 100 : 0;
        return (
          <div className="flex items-center gap-2">
            <div className="h-1.5 w-28 rounded bg-zinc-200 dark:bg-zinc-800" aria-hidden>
              <div className="h-1.5 rounded bg-emerald-500" style={{ width: `${pct}%` }} />
            </div>
            <span className="tabular-nums text-zinc-600 dark:text-zinc-400">{pct.toFixed(1)}%</span>
          </div>
        );
      },
    },
  ];
  return <SimpleTable rows={brokers} columns={columns} rowKey={(b) => String(b.id)} label="Brokers" />;
}
