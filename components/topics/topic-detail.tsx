'use client';
// One topic: totals, actions, partitions, the consumer groups reading it, and its configs (editable
// where the server allows changes).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { ConfigTable } from '@/components/configs/config-table';
import { TopicSubjects } from '@/components/schemas/topic-subjects';
import { useSwitches } from '@/components/settings/use-switches';
import { Badge } from '@/components/ui/badge';
import { QueryState } from '@/components/ui/feedback';
import { Panel, Stat } from '@/components/ui/panel';
import { topicQuery } from '@/lib/api/queries/topics';
import { formatInt64, formatSize } from '@/lib/format/numbers';
import { plural } from '@/lib/format/plural';
import type { ConfigEntry } from '@/lib/schemas/config';
import { ConfigEditDialog } from './lazy';
import { PartitionsTable } from './partitions-table';
import { TopicActions } from './topic-actions';
import { TopicGroups } from './topic-groups';

export function TopicDetailView({ name }: { name: string }) {
  const query = useQuery(topicQuery(useCluster(), name));
  const { can } = useSwitches();
  const [editing, setEditing] = useState<ConfigEntry | null>(null);
  return (
    <QueryState query={query} label="Loading topic">
      {(t) => (
        <div className="space-y-5">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex gap-2">
              {t.internal ? <Badge>internal</Badge> : null}
              {t.totals.offline > 0 ? <Badge tone="bad">{plural(t.totals.offline, 'partition')} offline</Badge> : null}
              {t.totals.underReplicated > 0 ? <Badge tone="warn">{t.totals.underReplicated} under-replicated</Badge> : null}
            </div>
            <TopicActions topic={t} />
          </div>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
            <Stat label="Partitions" value={t.partitions.length} />
            <Stat label="Replication factor" value={t.replicationFactor} />
            <Stat label="Messages" value={formatInt64(t.totals.messages)} />
            <Stat label="Size on disk" value={<span title={t.totals.sizeBytes === null ? 'The brokers did not report sizes (DescribeLogDirs)' : `${formatInt64(t.totals.sizeBytes)} bytes`}>{formatSize(t.totals.sizeBytes)}</span>} />
            <Stat label="Under-replicated" value={t.totals.underReplicated} tone={t.totals.underReplicated ? 'warn' : undefined} />
          </div>
          <Panel title="Partitions" flush>
            <PartitionsTable topic={t.name} partitions={t.partitions} />
          </Panel>
          <Panel title="Consumer groups" flush>
            <TopicGroups groups={t.groups} />
          </Panel>
          <TopicSubjects topic={t.name} />
          <Panel title="Configuration" flush>
            <ConfigTable configs={t.configs} label="Topic configs" onEdit={can('topicEdit', t.name) ? setEditing : undefined} />
          </Panel>
          {editing ? <ConfigEditDialog topic={t.name} entry={editing} configs={t.configs} onClose={() => setEditing(null)} /> : null}
        </div>
      )}
    </QueryState>
  );
}
