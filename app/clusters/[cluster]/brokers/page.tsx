// The brokers of one cluster.
import { BrokerList } from '@/components/brokers/broker-list';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Brokers' };

export default function Page() {
  return (
    <>
      <PageHeader title="Brokers" subtitle="Every broker with its address, rack and partition leadership." />
      <BrokerList />
    </>
  );
}
