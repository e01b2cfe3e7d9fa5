import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Topics' };

export default function Page() {
  return <PageHeader title="Topics" subtitle="Every topic with its partitions, replication and message count." />;
}
