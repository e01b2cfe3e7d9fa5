import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Consumer groups' };

export default function Page() {
  return <PageHeader title="Consumer groups" subtitle="Consumer groups, their members and lag." />;
}
