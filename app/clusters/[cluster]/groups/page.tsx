// The consumer-group list; the page the URL asks for is in the first HTML when the cluster answers
// quickly (lib/prefetch).
import { HydrationBoundary } from '@tanstack/react-query';
import { GroupList } from '@/components/groups/group-list';
import { decodeSegment } from '@/components/cluster/cluster-path';
import { PageHeader } from '@/components/ui/page-header';
import { prefetchGroups } from '@/lib/prefetch/pages';
import type { SearchParams } from '@/lib/prefetch/dto';

export const metadata = { title: 'Consumer groups' };

type Props = { params: Promise<{ cluster: string }>; searchParams: Promise<SearchParams> };

export default async function Page({ params, searchParams }: Props) {
  const state = await prefetchGroups(decodeSegment((await params).cluster), await searchParams);
  return (
    <>
      <PageHeader title="Consumer groups" subtitle="Every group with its state, members, topics and total lag." />
      <HydrationBoundary state={state}>
        <GroupList />
      </HydrationBoundary>
    </>
  );
}
