// The message browser of one topic; its state lives in the URL so a view can be shared.
import Link from 'next/link';
import { Suspense } from 'react';
import { clusterPath, decodeSegment } from '@/components/cluster/cluster-path';
import { MessageBrowser } from '@/components/messages/message-browser';
import { Skeleton } from '@/components/ui/feedback';
import { PageHeader } from '@/components/ui/page-header';
import { showBidiControls } from '@/lib/format/bidi';

type Params = { params: Promise<{ cluster: string; topic: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: `Messages · ${showBidiControls(decodeSegment((await params).topic))}` };
}

export default async function Page({ params }: Params) {
  const { cluster, topic } = await params;
  const name = decodeSegment(topic);
  return (
    <>
      <PageHeader
        title={`Messages in ${showBidiControls(name)}`}
        subtitle={
          <Link href={clusterPath(decodeSegment(cluster), 'topics', name)} className="hover:underline">
            ← Topic {showBidiControls(name)}
          </Link>
        }
      />
      <Suspense fallback={<Skeleton rows={10} label="Loading messages" />}>
        <MessageBrowser topic={name} />
      </Suspense>
    </>
  );
}
