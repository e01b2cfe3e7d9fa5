import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: { absolute: 'Kafscope' } };

export default function Page() {
  return <PageHeader title="Overview" subtitle="Cluster id, controller and brokers of the connected cluster." />;
}
