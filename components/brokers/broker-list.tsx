'use client';
// The brokers page body: the same table as the overview, on its own.
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '@/components/ui/feedback';
import { Panel } from '@/components/ui/panel';
import { clusterQuery } from '@/lib/api/queries/cluster';
import { BrokersTable } from './brokers-table';

export function BrokerList() {
  const query = useQuery(clusterQuery());
  return (
    <Panel title="Brokers" flush>
      <QueryState query={query} label="Loading brokers">
        {(c) => <BrokersTable brokers={c.brokers} />}
      </QueryState>
    </Panel>
  );
}
