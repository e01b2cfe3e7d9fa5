// Cluster overview: the landing page.
import { Overview, TopicQuickFilter } from '@/components/overview/overview';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: { absolute: 'Kafscope' } };

export default function Page() {
  return (
    <>
      <PageHeader title="Overview" subtitle="Cluster identity, health and brokers." actions={<TopicQuickFilter />} />
      <Overview />
    </>
  );
}
