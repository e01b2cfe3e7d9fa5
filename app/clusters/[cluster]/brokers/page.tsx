// The brokers of one cluster.
import { BrokerList } from '@/components/brokers/broker-list';
import { BrokerDefaultsPanel } from '@/components/brokers/broker-defaults';
import { LogDirsPanel } from '@/components/brokers/log-dirs';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Brokers' };

export default function Page() {
  return (
    <>
      <PageHeader title="Brokers" subtitle="Every broker with its address, rack and partition leadership, and its log directories with their size on disk." />
      <BrokerList />
      <LogDirsPanel />
      <BrokerDefaultsPanel />
    </>
  );
}
