// One cluster's overview: identity, totals, brokers, and a quick jump to its topics.
import { decodeSegment } from '@/components/cluster/cluster-path';
import { Overview, TopicQuickFilter } from '@/components/overview/overview';
import { PageHeader } from '@/components/ui/page-header';

// The layout's title template reaches only the segments below it, not this page beside it.
export async function generateMetadata({ params }: { params: Promise<{ cluster: string }> }) {
  return { title: `Overview · ${decodeSegment((await params).cluster)}` };
}

export default function Page() {
  return (
    <>
      <PageHeader title="Overview" subtitle="Cluster identity, health and brokers." actions={<TopicQuickFilter />} />
      <Overview />
    </>
  );
}
