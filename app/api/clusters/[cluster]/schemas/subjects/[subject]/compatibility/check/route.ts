// POST /api/clusters/:cluster/schemas/subjects/:subject/compatibility/check — the registry's verdict
// on a draft against a version, with its reasons, before anything is registered. It changes nothing,
// so it needs no switch.
import { clusterRoute, readBody } from '@/lib/http/route';
import { checkCompatibility } from '@/lib/kafka/services/schemas';
import { CompatibilityCheckRequestSchema } from '@/lib/schemas/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = clusterRoute<{ cluster: string; subject: string }>({}, async ({ cluster, params, request }) => {
  const { version, ...draft } = await readBody(request, CompatibilityCheckRequestSchema);
  return checkCompatibility(cluster, params.subject, draft, version);
});
