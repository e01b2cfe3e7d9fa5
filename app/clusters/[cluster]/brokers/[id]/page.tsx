// Broker detail page; a non-numeric id is a 404 before any request is made.
import { notFound } from 'next/navigation';
import { BrokerDetail } from '@/components/brokers/broker-detail';
import { PageHeader } from '@/components/ui/page-header';

type Params = { params: Promise<{ cluster: string; id: string }> };

export async function generateMetadata({ params }: Params) {
  return { title: `Broker ${(await params).id}` };
}

export default async function Page({ params }: Params) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  return (
    <>
      <PageHeader title={`Broker ${id}`} subtitle="Address, configuration and the partitions this broker leads." />
      <BrokerDetail id={Number(id)} />
    </>
  );
}
