// Topic detail page.
import { TopicDetailView } from '@/components/topics/topic-detail';
import { PageHeader } from '@/components/ui/page-header';

type Params = { params: Promise<{ topic: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: decodeURIComponent((await params).topic) };
}

export default async function Page({ params }: Params) {
  const name = decodeURIComponent((await params).topic);
  return (
    <>
      <PageHeader title={name} subtitle="Topic" />
      <TopicDetailView name={name} />
    </>
  );
}
