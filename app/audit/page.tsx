// The audit log (for users with audit:view on some cluster; the API shows only those clusters).
import { Suspense } from 'react';
import { AuditLog } from '@/components/audit/audit-log';
import { Skeleton } from '@/components/ui/feedback';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Audit log' };

export default function Page() {
  return (
    <>
      <PageHeader title="Audit log" subtitle="Every change made through this console, and every refused attempt, newest first." />
      <Suspense fallback={<Skeleton rows={8} label="Loading the audit log" />}>
        <AuditLog />
      </Suspense>
    </>
  );
}
