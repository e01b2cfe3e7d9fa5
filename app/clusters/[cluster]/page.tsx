// One cluster's overview: identity, totals, brokers, and a quick jump to its topics. Its data is in
// the first HTML when the cluster answers quickly (lib/prefetch).
import { HydrationBoundary } from '@tanstack/react-query';
import { decodeSegment } from '@/components/cluster/cluster-path';
import { Overview, TopicQuickFilter } from '@/components/overview/overview';
import { PageHeader } from '@/components/ui/page-header';
import { prefetchOverview } from '@/lib/prefetch/pages';

// The layout's title template reaches only the segments below it, not this page beside it.
export async function generateMetadata({ params }: { params: Promise<{ cluster: string }> }) {
  return { title: `Overview · ${decodeSegment((await params).cluster)}` };
}

export default async function Page({ params }: { params: Promise<{ cluster: string }> }) {
  const state = await prefetchOverview(decodeSegment((await params).cluster));
  return (
    <>
      <PageHeader title="Overview" subtitle="Cluster identity, health and brokers." actions={<TopicQuickFilter />} />
      <HydrationBoundary state={state}>
        <Overview />
      </HydrationBoundary>
    </>
  );
}
