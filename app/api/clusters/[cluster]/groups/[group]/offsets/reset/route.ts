// POST /api/clusters/:cluster/groups/:group/offsets/reset — commit the previewed offsets (409 while members remain).
import { applyReset } from '@/lib/kafka/services/offsets';
import { readBody, clusterRoute } from '@/lib/http/route';
import { ResetOffsetsRequestSchema } from '@/lib/schemas/group';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = clusterRoute<{ cluster: string; group: string }>({ mutation: 'offsetReset' }, async ({ request, params, clients }) =>
  applyReset(clients(), params.group, await readBody(request, ResetOffsetsRequestSchema)),
);
