// Broker detail page; a non-numeric id is a 404 before any request is made.
import { notFound } from 'next/navigation';
import { BrokerDetail } from '@/components/brokers/broker-detail';
import { PageHeader } from '@/components/ui/page-header';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Broker ${(await params).id}` };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  return (
    <>
      <PageHeader title={`Broker ${id}`} subtitle="Address, configuration and the partitions this broker leads." />
      <BrokerDetail id={Number(id)} />
    </>
  );
}
