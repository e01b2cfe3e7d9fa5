// One subject of the cluster's schema registry: its versions, schema, diff, compatibility and topics.
import { Suspense } from 'react';
import { decodeSegment } from '@/components/cluster/cluster-path';
import { SubjectDetailView } from '@/components/schemas/subject-detail';
import { Skeleton } from '@/components/ui/feedback';
import { PageHeader } from '@/components/ui/page-header';
import { showBidiControls } from '@/lib/format/bidi';

type Params = { params: Promise<{ cluster: string; subject: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: showBidiControls(decodeSegment((await params).subject)) };
}

export default async function Page({ params }: Params) {
  const subject = decodeSegment((await params).subject);
  return (
    <>
      <PageHeader title={showBidiControls(subject)} subtitle="Schema subject" />
      <Suspense fallback={<Skeleton rows={8} label="Loading subject" />}>
        <SubjectDetailView subject={subject} />
      </Suspense>
    </>
  );
}
