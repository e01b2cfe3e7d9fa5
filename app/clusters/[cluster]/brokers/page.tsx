// The brokers of one cluster and its cluster-wide broker defaults, in the first HTML when the cluster
// answers quickly (lib/prefetch); the log directories load in the browser.
import { HydrationBoundary } from '@tanstack/react-query';
import { BrokerList } from '@/components/brokers/broker-list';
import { decodeSegment } from '@/components/cluster/cluster-path';
import { BrokerDefaultsPanel } from '@/components/brokers/broker-defaults';
import { LogDirsPanel } from '@/components/brokers/log-dirs';
import { PageHeader } from '@/components/ui/page-header';
import { prefetchBrokers } from '@/lib/prefetch/pages';

export const metadata = { title: 'Brokers' };

export default async function Page({ params }: { params: Promise<{ cluster: string }> }) {
  const state = await prefetchBrokers(decodeSegment((await params).cluster));
  return (
    <>
      <PageHeader title="Brokers" subtitle="Every broker with its address, rack and partition leadership, and its log directories with their size on disk." />
      <HydrationBoundary state={state}>
        <BrokerList />
        <LogDirsPanel />
        <BrokerDefaultsPanel />
      </HydrationBoundary>
    </>
  );
}
