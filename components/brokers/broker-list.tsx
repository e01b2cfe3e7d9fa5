'use client';
// The brokers page body: the same table as the overview, on its own.
import { useQuery } from '@tanstack/react-query';
import { useCluster } from '@/components/cluster/cluster-context';
import { QueryState } from '@/components/ui/feedback';
import { Panel } from '@/components/ui/panel';
import { overviewQuery } from '@/lib/api/queries/cluster';
import { BrokersTable } from './brokers-table';

export function BrokerList() {
  const query = useQuery(overviewQuery(useCluster()));
  return (
    <Panel title="Brokers" flush>
      <QueryState query={query} label="Loading brokers">
        {(c) => <BrokersTable brokers={c.brokers} />}
      </QueryState>
    </Panel>
  );
}
