// The ACL bindings of one cluster.
import { Suspense } from 'react';
import { AclList } from '@/components/acls/acl-list';
import { Skeleton } from '@/components/ui/feedback';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'ACLs' };

export default function Page() {
  return (
    <>
      <PageHeader title="ACLs" subtitle="Who may do what on which topics, groups and the cluster, as the brokers' authorizer enforces it." />
      <Suspense fallback={<Skeleton rows={6} label="Loading ACLs" />}>
        <AclList />
      </Suspense>
    </>
  );
}
