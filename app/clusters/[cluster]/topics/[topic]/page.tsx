// Topic detail page.
import { decodeSegment } from '@/components/cluster/cluster-path';
import { TopicDetailView } from '@/components/topics/topic-detail';
import { PageHeader } from '@/components/ui/page-header';
import { showBidiControls } from '@/lib/format/bidi';

type Params = { params: Promise<{ cluster: string; topic: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: showBidiControls(decodeSegment((await params).topic)) };
}

export default async function Page({ params }: Params) {
  const name = decodeSegment((await params).topic);
  return (
    <>
      <PageHeader title={showBidiControls(name)} subtitle="Topic" />
      <TopicDetailView name={name} />
    </>
  );
}
