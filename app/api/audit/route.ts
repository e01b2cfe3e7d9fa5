// GET /api/audit?user=&cluster=&action=&result=&from=&to=&limit= — the audit trail, newest first,
// only of the clusters on which the reader has audit:view.
import { readAuditTrail } from '@/lib/http/auth/audit-trail';
import { readQuery, route } from '@/lib/http/route';
import { AuditQuerySchema } from '@/lib/schemas/audit';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({}, ({ url, access }) => readAuditTrail(access, readQuery(url, AuditQuerySchema)));
