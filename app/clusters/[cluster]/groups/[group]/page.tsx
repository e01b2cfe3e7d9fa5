// Consumer-group detail page (in the first HTML when the cluster answers quickly: lib/prefetch).
import { HydrationBoundary } from '@tanstack/react-query';
import { decodeSegment } from '@/components/cluster/cluster-path';
import { GroupDetailView } from '@/components/groups/group-detail';
import { PageHeader } from '@/components/ui/page-header';
import { showBidiControls } from '@/lib/format/bidi';
import { prefetchGroup } from '@/lib/prefetch/pages';

type Params = { params: Promise<{ cluster: string; group: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: showBidiControls(decodeSegment((await params).group)) };
}

export default async function Page({ params }: Params) {
  const p = await params;
  const groupId = decodeSegment(p.group);
  const state = await prefetchGroup(decodeSegment(p.cluster), groupId);
  return (
    <>
      <PageHeader title={showBidiControls(groupId)} subtitle="Consumer group" />
      <HydrationBoundary state={state}>
        <GroupDetailView groupId={groupId} />
      </HydrationBoundary>
    </>
  );
}
