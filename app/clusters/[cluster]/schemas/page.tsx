// The cluster's schema registry: its subjects and the global compatibility level.
import { Suspense } from 'react';
import { SubjectList } from '@/components/schemas/subject-list';
import { Skeleton } from '@/components/ui/feedback';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Schemas' };

export default function Page() {
  return (
    <>
      <PageHeader title="Schemas" subtitle="Subjects of the cluster's schema registry, with their type, latest version and compatibility." />
      <Suspense fallback={<Skeleton rows={8} label="Loading subjects" />}>
        <SubjectList />
      </Suspense>
    </>
  );
}
