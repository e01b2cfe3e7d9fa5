// The sign-in page (pages redirect here without a session, see proxy.ts).
import { Suspense } from 'react';
import { LoginForm } from '@/components/auth/login-form';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Sign in' };

export default function Page() {
  return (
    <>
      <PageHeader title="Sign in" subtitle="Kafscope needs to know who you are before it shows a cluster." />
      <Suspense>
        <LoginForm />
      </Suspense>
    </>
  );
}
