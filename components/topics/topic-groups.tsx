'use client';
// Consumer groups with committed offsets on this topic, their lag on it, its recent trend, how far
// behind the newest record they are, and their verdict on this topic's partitions.
import Link from 'next/link';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/feedback';
import { SimpleTable } from '@/components/ui/simple-table';
import type { TopicDetail } from '@/lib/schemas/topic';
import { LagValue } from '@/components/groups/lag-value';
import { Sparkline } from '@/components/lag/sparkline';
import { StatusBadge } from '@/components/lag/status-badge';
import { formatSeconds } from '@/lib/format/duration';
import { stateTone } from '@/components/groups/state-tone';
import { showBidiControls } from '@/lib/format/bidi';

export function TopicGroups({ groups }: { groups: TopicDetail['groups'] }) {
  const cluster = useCluster();
  if (groups.length === 0) return <EmptyState title="No consumer group has committed offsets on this topic" />;
  return (
    <SimpleTable
      label="Consumer groups"
      rows={groups}
      rowKey={(g) => g.groupId}
      columns={[
        {
          id: 'group',
          header: 'Group',
          cell: (g) => (
            <Link prefetch={false} href={clusterPath(cluster, 'groups', g.groupId)} className="font-medium text-emerald-700 hover:underline dark:text-emerald-400">
              {showBidiControls(g.groupId)}
            </Link>
          ),
        },
        { id: 'state', header: 'State', cell: (g) => <Badge tone={stateTone(g.state)}>{g.state}</Badge> },
        { id: 'lag', header: 'Lag', align: 'right', cell: (g) => <LagValue lag={g.lag} /> },
        { id: 'trend', header: 'Recent lag', cell: (g) => <Sparkline values={g.lagTrend} label={`Recent lag of ${g.groupId}`} /> },
        { id: 'lagSeconds', header: 'Behind', align: 'right', cell: (g) => <span className="tabular-nums">{formatSeconds(g.lagSeconds)}</span> },
        { id: 'status', header: 'Status', cell: (g) => <StatusBadge status={g.status} reason={g.statusReason} /> },
      ]}
    />
  );
}
