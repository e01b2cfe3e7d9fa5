'use client';
// A topic's partitions: watermarks, size on disk (and each replica's), leader, replicas and ISR, with flags for under-replicated,
// leaderless and not-on-preferred-leader partitions. Each partition links to its messages.
import Link from 'next/link';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { Badge } from '@/components/ui/badge';
import { VirtualTable, type Column } from '@/components/ui/virtual-table';
import { withQuery } from '@/lib/api/fetch-json';
import { formatInt64, formatSize } from '@/lib/format/numbers';
import type { PartitionInfo } from '@/lib/schemas/topic';

export function PartitionsTable({ topic, partitions }: { topic: string; partitions: readonly PartitionInfo[] }) {
  const cluster = useCluster();
  const columns: Column<PartitionInfo>[] = [
    {
      id: 'partition',
      header: 'Partition',
      cell: (p) => (
        <Link prefetch={false}
          href={withQuery(clusterPath(cluster, 'topics', topic, 'messages'), { partition: p.partition, from: 'earliest' })}
          className="font-medium text-emerald-700 hover:underline dark:text-emerald-400"
          aria-label={`Messages of partition ${p.partition}`}
        >
          {p.partition}
        </Link>
      ),
    },
    { id: 'low', header: 'Low', align: 'right', cell: (p) => formatInt64(p.low) },
    { id: 'high', header: 'High', align: 'right', cell: (p) => formatInt64(p.high) },
    { id: 'messages', header: 'Messages', align: 'right', cell: (p) => formatInt64(p.messages) },
    {
      id: 'size',
      header: 'Size',
      align: 'right',
      cell: (p) => <span title={p.sizeBytes === null ? 'Not reported by the brokers' : `${formatInt64(p.sizeBytes)} bytes`}>{formatSize(p.sizeBytes)}</span>,
    },
    {
      id: 'leader',
      header: 'Leader',
      align: 'right',
      cell: (p) => (p.leader < 0 ? <Badge tone="bad">none</Badge> : <Link prefetch={false} className="hover:underline" href={clusterPath(cluster, 'brokers', p.leader)}>{p.leader}</Link>),
    },
    {
      id: 'replicas',
      header: 'Replicas (size)',
      cell: (p) => {
        const sizes = new Map(p.replicaSizes.map((r) => [r.broker, r.sizeBytes]));
        return (
          <span className="font-mono text-xs">
            {p.replicas.map((r) => (sizes.has(r) ? `${r} (${formatSize(sizes.get(r))})` : String(r))).join(', ')}
          </span>
        );
      },
    },
    { id: 'isr', header: 'ISR', cell: (p) => <span className="font-mono text-xs">{p.isr.join(', ')}</span> },
    {
      id: 'flags',
      header: 'Status',
      cell: (p) => (
        <span className="flex flex-wrap gap-1">
          {p.leader < 0 ? <Badge tone="bad">offline</Badge> : null}
          {p.underReplicated ? <Badge tone="warn">under-replicated</Badge> : null}
          {p.leader >= 0 && !p.preferredLeader ? <Badge tone="info" title="The leader is not the first replica">not preferred leader</Badge> : null}
          {p.leader >= 0 && !p.underReplicated && p.preferredLeader ? <Badge tone="good">ok</Badge> : null}
        </span>
      ),
    },
  ];
  return <VirtualTable rows={partitions} columns={columns} rowKey={(p) => String(p.partition)} label="Partitions" maxHeight="28rem" />;
}
