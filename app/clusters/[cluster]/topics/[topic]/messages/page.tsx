// The message browser of one topic; its state lives in the URL so a view can be shared. The page of
// records the URL asks for is in the first HTML when the cluster answers quickly (lib/prefetch).
import { HydrationBoundary } from '@tanstack/react-query';
import Link from 'next/link';
import { clusterPath, decodeSegment } from '@/components/cluster/cluster-path';
import { BrowseUrlSchema, toApiQuery } from '@/components/messages/browse-params';
import { MessageBrowser } from '@/components/messages/message-browser';
import { PageHeader } from '@/components/ui/page-header';
import { showBidiControls } from '@/lib/format/bidi';
import { lastValues, type SearchParams } from '@/lib/prefetch/dto';
import { prefetchMessages } from '@/lib/prefetch/pages';

type Params = { params: Promise<{ cluster: string; topic: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: `Messages · ${showBidiControls(decodeSegment((await params).topic))}` };
}

export default async function Page({ params, searchParams }: Params & { searchParams: Promise<SearchParams> }) {
  const { cluster, topic } = await params;
  const name = decodeSegment(topic);
  const view = toApiQuery(BrowseUrlSchema.parse(lastValues(await searchParams)));
  const state = await prefetchMessages(decodeSegment(cluster), name, view);
  return (
    <>
      <PageHeader
        title={`Messages in ${showBidiControls(name)}`}
        subtitle={
          <Link prefetch={false} href={clusterPath(decodeSegment(cluster), 'topics', name)} className="hover:underline">
            ← Topic {showBidiControls(name)}
          </Link>
        }
      />
      <HydrationBoundary state={state}>
        <MessageBrowser topic={name} />
      </HydrationBoundary>
    </>
  );
}
