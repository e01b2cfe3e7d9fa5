// The brokers of one cluster (in the first HTML when the cluster answers quickly: lib/prefetch).
import { HydrationBoundary } from '@tanstack/react-query';
import { BrokerList } from '@/components/brokers/broker-list';
import { decodeSegment } from '@/components/cluster/cluster-path';
import { PageHeader } from '@/components/ui/page-header';
import { prefetchBrokers } from '@/lib/prefetch/pages';

export const metadata = { title: 'Brokers' };

export default async function Page({ params }: { params: Promise<{ cluster: string }> }) {
  const state = await prefetchBrokers(decodeSegment((await params).cluster));
  return (
    <>
      <PageHeader title="Brokers" subtitle="Every broker with its address, rack and partition leadership." />
      <HydrationBoundary state={state}>
        <BrokerList />
      </HydrationBoundary>
    </>
  );
}
