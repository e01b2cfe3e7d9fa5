'use client';
// The sign-in page's form: a user name and password for built-in users, or a button that starts the
// OpenID Connect sign-in. Afterwards the browser goes back to the page it first asked for (`next`,
// a path on this console only).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { errorMessage, sendJson, withQuery } from '@/lib/api/fetch-json';
import { withBasePath } from '@/lib/common/base-path';
import { meQuery } from '@/lib/api/queries/me';
import { z } from 'zod/mini';

function safeNext(raw: string | null): string {
  return raw && raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\') ? raw : '/';
}

export function LoginForm() {
  const next = safeNext(useSearchParams().get('next'));
  const me = useQuery(meQuery());
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', '/api/auth/login', { user, password }, z.object({ user: z.string() }));
      window.location.assign(withBasePath(next));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  if (me.data?.auth === 'oidc') {
    return (
      <a className={buttonClass('primary')} href={withBasePath(withQuery('/api/auth/oidc/start', { next }))}>
        Sign in with single sign-on
      </a>
    );
  }
  if (me.data?.auth === 'none') return <p className="text-sm">This console needs no sign-in. <Link prefetch={false} className="underline" href="/">Go to the clusters</Link></p>;
  return (
    <form onSubmit={submit} className="max-w-sm space-y-3" aria-label="Sign in">
      <TextField label="User name" name="user" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={busy}>
        Sign in
      </Button>
    </form>
  );
}
