'use client';
// The landing page: every configured cluster as a card. The list answers quickly even when a
// cluster hangs (the server waits a bounded time for each); every card then keeps its own health
// fresh independently.
import { useQuery } from '@tanstack/react-query';
import { EmptyState, QueryState } from '@/components/ui/feedback';
import { clusterListQuery } from '@/lib/api/queries/cluster';
import { ClusterCard } from './cluster-card';

export function ClusterCards() {
  const query = useQuery(clusterListQuery());
  return (
    <QueryState query={query} rows={4} label="Loading clusters">
      {({ clusters }) =>
        clusters.length === 0 ? (
          <EmptyState title="No cluster is configured" />
        ) : (
          <ul className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3" aria-label="Clusters">
            {clusters.map((card) => (
              <li key={card.name}>
                <ClusterCard card={card} />
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}
