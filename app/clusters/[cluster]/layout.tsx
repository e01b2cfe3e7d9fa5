// Every page of one cluster. The cluster's name comes from the URL: a name no cluster could have, or
// one the proxy marked as configured nowhere (proxy.ts; pages may not read the server's
// configuration themselves, app/ stays on the browser side of the doors), is a 404 showing "unknown
// cluster" with a way back to the list; any other is handed to the client components below through
// ClusterProvider. ClusterGate still checks on the client, for a cluster removed since the page
// loaded. Page titles say which cluster they show. Every page shows how fresh its data is, with
// Refresh and auto-refresh (Freshness).
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ClusterProvider } from '@/components/cluster/cluster-context';
import { ClusterGate } from '@/components/cluster/cluster-gate';
import { decodeSegment } from '@/components/cluster/cluster-path';
import { Freshness } from '@/components/shell/freshness';
import { CLUSTER_NAME_SHAPE, UNKNOWN_CLUSTER_HEADER } from '@/lib/schemas/cluster';

type Params = { params: Promise<{ cluster: string }> };

export async function generateMetadata({ params }: Params) {
  const cluster = decodeSegment((await params).cluster);
  return { title: { default: cluster, template: `%s · ${cluster} · Kafscope` } };
}

export default async function ClusterLayout({ params, children }: Params & { children: ReactNode }) {
  const cluster = decodeSegment((await params).cluster);
  if (!CLUSTER_NAME_SHAPE.test(cluster) || (await headers()).get(UNKNOWN_CLUSTER_HEADER) === '1') notFound();
  return (
    <ClusterProvider cluster={cluster}>
      <ClusterGate>
        <Freshness cluster={cluster} />
        {children}
      </ClusterGate>
    </ClusterProvider>
  );
}
