import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Brokers' };

export default function Page() {
  return <PageHeader title="Brokers" subtitle="The brokers of the cluster." />;
}
