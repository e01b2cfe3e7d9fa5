'use client';
// One broker: address, role, its configs (non-default first, editable as dynamic broker configs where
// the cluster allows config edits) and the partitions it leads.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useCluster } from '@/components/cluster/cluster-context';
import { clusterPath } from '@/components/cluster/cluster-path';
import { ConfigTable } from '@/components/configs/config-table';
import { ConfigValueDialog } from '@/components/configs/config-value-dialog';
import { useSwitches } from '@/components/settings/use-switches';
import { useUpdateBrokerConfigs } from '@/lib/api/mutations/brokers';
import type { ConfigEntry } from '@/lib/schemas/config';
import { Badge } from '@/components/ui/badge';
import { EmptyState, QueryState } from '@/components/ui/feedback';
import { Panel, Stat } from '@/components/ui/panel';
import { SimpleTable } from '@/components/ui/simple-table';
import { brokerQuery } from '@/lib/api/queries/cluster';
import { formatCount } from '@/lib/format/numbers';
import { showBidiControls } from '@/lib/format/bidi';

export function BrokerDetail({ id }: { id: number }) {
  const cluster = useCluster();
  const query = useQuery(brokerQuery(cluster, id));
  // Dynamic broker configs are edited under the same switch as topic configs.
  const { can } = useSwitches();
  const update = useUpdateBrokerConfigs(cluster, id);
  const [editing, setEditing] = useState<ConfigEntry | null>(null);
  return (
    <QueryState query={query} label="Loading broker">
      {({ broker, configs, leads }) => (
        <div className="space-y-5">
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Stat label="Address" value={<span className="font-mono text-base">{`${broker.host}:${broker.port}`}</span>} />
            <Stat label="Rack" value={broker.rack ?? '—'} />
            <Stat label="Role" value={broker.isController ? <Badge tone="info">controller</Badge> : 'broker'} />
            <Stat label="Partitions led" value={formatCount(broker.partitionsLed)} />
          </div>
          <Panel title="Partitions led" flush>
            {leads.length === 0 ? (
              <EmptyState title="This broker leads no partitions" />
            ) : (
              <SimpleTable
                label="Partitions led"
                rows={leads}
                rowKey={(l) => l.topic}
                columns={[
                  {
                    id: 'topic',
                    header: 'Topic',
                    cell: (l) => (
                      <Link prefetch={false} className="font-medium text-emerald-700 hover:underline dark:text-emerald-400" href={clusterPath(cluster, 'topics', l.topic)}>
                        {showBidiControls(l.topic)}
                      </Link>
                    ),
                  },
                  { id: 'count', header: 'Count', align: 'right', cell: (l) => l.partitions.length },
                  { id: 'ids', header: 'Partitions', cell: (l) => <span className="font-mono text-xs">{l.partitions.join(', ')}</span> },
                ]}
              />
            )}
          </Panel>
          <Panel title="Configuration" flush>
            <ConfigTable configs={configs} label="Broker configs" onEdit={can('topicCreate') ? setEditing : undefined} />
          </Panel>
          {editing ? (
            <ConfigValueDialog
              entry={editing}
              update={update}
              onClose={() => {
                update.reset();
                setEditing(null);
              }}
              removable={editing.source === 'DYNAMIC_BROKER_CONFIG'}
              removeLabel="Remove this broker's value"
            />
          ) : null}
        </div>
      )}
    </QueryState>
  );
}
