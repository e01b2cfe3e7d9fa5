// GET/PUT /api/clusters/:cluster/schemas/compatibility — the registry's global compatibility level.
import { clusterRoute, readBody } from '@/lib/http/route';
import { getCompatibility, setCompatibility } from '@/lib/kafka/services/schemas';
import { SetCompatibilityRequestSchema } from '@/lib/schemas/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute({}, ({ cluster }) => getCompatibility(cluster, null));

export const PUT = clusterRoute({ mutation: 'schemaEdit' }, async ({ cluster, request }) =>
  setCompatibility(cluster, null, (await readBody(request, SetCompatibilityRequestSchema)).level),
);
