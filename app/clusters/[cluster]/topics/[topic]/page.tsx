// Topic detail page (in the first HTML when the cluster answers quickly: lib/prefetch).
import { HydrationBoundary } from '@tanstack/react-query';
import { decodeSegment } from '@/components/cluster/cluster-path';
import { TopicDetailView } from '@/components/topics/topic-detail';
import { PageHeader } from '@/components/ui/page-header';
import { showBidiControls } from '@/lib/format/bidi';
import { prefetchTopic } from '@/lib/prefetch/pages';

type Params = { params: Promise<{ cluster: string; topic: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: showBidiControls(decodeSegment((await params).topic)) };
}

export default async function Page({ params }: Params) {
  const p = await params;
  const name = decodeSegment(p.topic);
  const state = await prefetchTopic(decodeSegment(p.cluster), name);
  return (
    <>
      <PageHeader title={showBidiControls(name)} subtitle="Topic" />
      <HydrationBoundary state={state}>
        <TopicDetailView name={name} />
      </HydrationBoundary>
    </>
  );
}
