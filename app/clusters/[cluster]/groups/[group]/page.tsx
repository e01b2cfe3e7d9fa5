// Consumer-group detail page.
import { decodeSegment } from '@/components/cluster/cluster-path';
import { GroupDetailView } from '@/components/groups/group-detail';
import { PageHeader } from '@/components/ui/page-header';
import { showBidiControls } from '@/lib/format/bidi';

type Params = { params: Promise<{ cluster: string; group: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: showBidiControls(decodeSegment((await params).group)) };
}

export default async function Page({ params }: Params) {
  const groupId = decodeSegment((await params).group);
  return (
    <>
      <PageHeader title={showBidiControls(groupId)} subtitle="Consumer group" />
      <GroupDetailView groupId={groupId} />
    </>
  );
}
