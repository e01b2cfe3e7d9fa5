// The message browser of one topic; its state lives in the URL so a view can be shared.
import Link from 'next/link';
import { Suspense } from 'react';
import { MessageBrowser } from '@/components/messages/message-browser';
import { Skeleton } from '@/components/ui/feedback';
import { PageHeader } from '@/components/ui/page-header';

type Params = { params: Promise<{ topic: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: `Messages · ${decodeURIComponent((await params).topic)}` };
}

export default async function Page({ params }: Params) {
  const name = decodeURIComponent((await params).topic);
  return (
    <>
      <PageHeader
        title={`Messages in ${name}`}
        subtitle={
          <Link href={`/topics/${encodeURIComponent(name)}`} className="hover:underline">
            ← Topic {name}
          </Link>
        }
      />
      <Suspense fallback={<Skeleton rows={10} label="Loading messages" />}>
        <MessageBrowser topic={name} />
      </Suspense>
    </>
  );
}
