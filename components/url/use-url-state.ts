'use client';
// Page state that lives in the URL (filters, sort, paging, message-browser choices), so any view can
// be shared or reloaded. The URL is parsed with the same zod schema the API uses, whose `.catch()`
// defaults make a hand-edited or stale link fall back to something sensible instead of failing.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { z } from 'zod/mini';

type Scalar = string | number | boolean | undefined | null;

export function toSearch(values: Record<string, Scalar>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export function useUrlState<S extends z.ZodMiniType<Record<string, unknown>>>(schema: S) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => schema.parse(Object.fromEntries(params.entries())) as z.infer<S>, [params, schema]);
  // Two changes in quick succession must compose: the second builds on the first even before the
  // router has committed it and handed us new search params.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [params]);
  const update = useCallback(
    (patch: Partial<Record<keyof z.infer<S>, Scalar>>, mode: 'push' | 'replace' = 'replace') => {
      const base = new URLSearchParams(pending.current ?? params.toString());
      const next = { ...Object.fromEntries(base.entries()), ...patch } as Record<string, Scalar>;
      const search = toSearch(next);
      pending.current = search.slice(1);
      const url = `${pathname}${search}`;
      if (mode === 'push') router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [params, pathname, router],
  );
  return [state, update] as const;
}
