'use client';
// The sidebar's footer line about the session: who is signed in, with a sign-out button; with no
// login on a console reachable beyond this machine, an "open access" badge, because anyone who
// reaches the port may do everything.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { sendJson } from '@/lib/api/fetch-json';
import { BASE_PATH } from '@/lib/common/base-path';
import { meQuery } from '@/lib/api/queries/me';
import { z } from 'zod/mini';

export function UserBox() {
  const me = useQuery(meQuery()).data;
  if (!me) return null;
  if (me.auth === 'none') {
    return me.openAccess ? (
      <div className="mt-3 px-2">
        <Badge tone="warn" title="No sign-in is configured (KAFSCOPE_AUTH=none): anyone who reaches this console may do everything.">
          Open access
        </Badge>
      </div>
    ) : null;
  }
  if (!me.user) return null;
  const auditor = me.grants.some((g) => g.actions.some((a) => a === '*' || a === 'audit:view' || a === 'audit:*'));
  async function signOut() {
    await sendJson('POST', '/api/auth/logout', {}, z.unknown()).catch(() => undefined);
    // A full load, not a client navigation: nothing fetched for the last user stays in memory.
    window.location.replace(`${window.location.origin}${BASE_PATH}/login`);
  }
  return (
    <div className="mt-3 space-y-1 border-t border-zinc-200 px-2 pt-3 text-xs dark:border-zinc-800">
      <div>
        Signed in as <span className="font-medium" data-testid="signed-in-user">{me.user}</span>
      </div>
      <div className="text-zinc-500">{me.roles.length ? me.roles.join(', ') : 'no role'}</div>
      <div className="flex gap-2">
        {auditor ? (
          <Link prefetch={false} href="/audit" className="underline">
            Audit log
          </Link>
        ) : null}
        <Button size="sm" variant="ghost" onClick={signOut}>
          Sign out
        </Button>
      </div>
    </div>
  );
}
