// The consumer-group list.
import { Suspense } from 'react';
import { GroupList } from '@/components/groups/group-list';
import { Skeleton } from '@/components/ui/feedback';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Consumer groups' };

export default function Page() {
  return (
    <>
      <PageHeader title="Consumer groups" subtitle="Every group with its state, members, topics and total lag." />
      <Suspense fallback={<Skeleton rows={8} label="Loading groups" />}>
        <GroupList />
      </Suspense>
    </>
  );
}
