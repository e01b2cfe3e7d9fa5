// The landing page: every cluster this console knows, as a card with its health.
import { ClusterCards } from '@/components/clusters/cluster-cards';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: { absolute: 'Kafscope' } };

export default function Page() {
  return (
    <>
      <PageHeader title="Clusters" subtitle="Every configured cluster, its health and what it allows." />
      <ClusterCards />
    </>
  );
}
