// The audit trail (GET /api/audit), filtered by the page's URL.
import { queryOptions } from '@tanstack/react-query';
import { AuditListSchema } from '@/lib/schemas/audit';
import { getJson, withQuery } from '../fetch-json';

export interface AuditFilter {
  user?: string;
  cluster?: string;
  action?: string;
  result?: 'ok' | 'failed';
  from?: number;
  to?: number;
}

export const auditQuery = (f: AuditFilter) =>
  queryOptions({
    queryKey: ['audit', f] as const,
    queryFn: ({ signal }) => getJson(withQuery('/api/audit', { ...f, limit: 500 }), AuditListSchema, signal),
    refetchInterval: 10_000,
  });
