// Consumer-group detail page.
import { GroupDetailView } from '@/components/groups/group-detail';
import { PageHeader } from '@/components/ui/page-header';

type Params = { params: Promise<{ group: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: decodeURIComponent((await params).group) };
}

export default async function Page({ params }: Params) {
  const groupId = decodeURIComponent((await params).group);
  return (
    <>
      <PageHeader title={groupId} subtitle="Consumer group" />
      <GroupDetailView groupId={groupId} />
    </>
  );
}
