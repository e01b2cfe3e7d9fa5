// Broker detail page; a non-numeric id is a 404 before any request is made.
import { HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { BrokerDetail } from '@/components/brokers/broker-detail';
import { decodeSegment } from '@/components/cluster/cluster-path';
import { PageHeader } from '@/components/ui/page-header';
import { prefetchBroker } from '@/lib/prefetch/pages';

type Params = { params: Promise<{ cluster: string; id: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: `Broker ${(await params).id}` };
}

export default async function Page({ params }: Params) {
  const { id, cluster } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const state = await prefetchBroker(decodeSegment(cluster), Number(id));
  return (
    <>
      <PageHeader title={`Broker ${id}`} subtitle="Address, configuration and the partitions this broker leads." />
      <HydrationBoundary state={state}>
        <BrokerDetail id={Number(id)} />
      </HydrationBoundary>
    </>
  );
}
