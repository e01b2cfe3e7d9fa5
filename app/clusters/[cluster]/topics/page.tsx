// The topic list. Everything the list shows is chosen in the URL (see TopicList); the page the URL
// asks for is in the first HTML when the cluster answers quickly (lib/prefetch).
import { HydrationBoundary } from '@tanstack/react-query';
import Link from 'next/link';
import { clusterPath, decodeSegment } from '@/components/cluster/cluster-path';
import { CanDo } from '@/components/settings/can-do';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { TopicList } from '@/components/topics/topic-list';
import { prefetchTopics } from '@/lib/prefetch/pages';
import type { SearchParams } from '@/lib/prefetch/dto';

export const metadata = { title: 'Topics' };

type Props = { params: Promise<{ cluster: string }>; searchParams: Promise<SearchParams> };

export default async function Page({ params, searchParams }: Props) {
  const cluster = decodeSegment((await params).cluster);
  const state = await prefetchTopics(cluster, await searchParams);
  return (
    <>
      <PageHeader
        title="Topics"
        subtitle="Every topic with its partitions, replication and message count."
        actions={
          <CanDo action="topicCreate">
            <Link prefetch={false} href={clusterPath(cluster, 'topics', 'new')} className={buttonClass('primary')}>
              New topic
            </Link>
          </CanDo>
        }
      />
      <HydrationBoundary state={state}>
        <TopicList />
      </HydrationBoundary>
    </>
  );
}
