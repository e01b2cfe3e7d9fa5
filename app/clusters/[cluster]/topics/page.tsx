// The topic list. Everything the list shows is chosen in the URL (see TopicList).
import Link from 'next/link';
import { Suspense } from 'react';
import { clusterPath, decodeSegment } from '@/components/cluster/cluster-path';
import { CanDo } from '@/components/settings/can-do';
import { buttonClass } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/feedback';
import { PageHeader } from '@/components/ui/page-header';
import { TopicList } from '@/components/topics/topic-list';

export const metadata = { title: 'Topics' };

export default async function Page({ params }: { params: Promise<{ cluster: string }> }) {
  const cluster = decodeSegment((await params).cluster);
  return (
    <>
      <PageHeader
        title="Topics"
        subtitle="Every topic with its partitions, replication and message count."
        actions={
          <CanDo action="topicCreate">
            <Link href={clusterPath(cluster, 'topics', 'new')} className={buttonClass('primary')}>
              New topic
            </Link>
          </CanDo>
        }
      />
      <Suspense fallback={<Skeleton rows={8} label="Loading topics" />}>
        <TopicList />
      </Suspense>
    </>
  );
}
