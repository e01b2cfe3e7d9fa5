// GET /api/clusters/:cluster/schemas/subjects/:subject/diff?from=1&to=2 — a line diff of two
// versions' pretty-printed schemas.
import { clusterRoute, readQuery } from '@/lib/http/route';
import { diffVersions } from '@/lib/kafka/services/schemas';
import { SchemaDiffQuerySchema } from '@/lib/schemas/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string; subject: string }>({}, ({ cluster, params, url }) => {
  const { from, to } = readQuery(url, SchemaDiffQuerySchema);
  return diffVersions(cluster, params.subject, from, to);
});
