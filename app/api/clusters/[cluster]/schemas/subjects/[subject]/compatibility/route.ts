// GET/PUT /api/clusters/:cluster/schemas/subjects/:subject/compatibility — the subject's level
// (its own, or the global one it follows); PUT {level: null} makes it follow the global one again.
import { clusterRoute, readBody } from '@/lib/http/route';
import { getCompatibility, setCompatibility } from '@/lib/kafka/services/schemas';
import { SetCompatibilityRequestSchema } from '@/lib/schemas/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type P = { cluster: string; subject: string };

export const GET = clusterRoute<P>({}, ({ cluster, params }) => getCompatibility(cluster, params.subject));

export const PUT = clusterRoute<P>({ mutation: 'schemaEdit' }, async ({ cluster, params, request }) =>
  setCompatibility(cluster, params.subject, (await readBody(request, SetCompatibilityRequestSchema)).level),
);
