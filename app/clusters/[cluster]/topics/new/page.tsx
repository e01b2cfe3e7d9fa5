// Create-topic page. When the server does not allow creating topics the form says so instead.
import { CreateTopicGate } from '@/components/topics/create-topic-gate';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'New topic' };

export default function Page() {
  return (
    <>
      <PageHeader title="New topic" subtitle="Name, partitions, replication and configuration." />
      <CreateTopicGate />
    </>
  );
}
