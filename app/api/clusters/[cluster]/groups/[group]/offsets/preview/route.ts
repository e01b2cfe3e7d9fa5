// POST /api/clusters/:cluster/groups/:group/offsets/preview — what a reset would do; changes nothing.
import { previewReset } from '@/lib/kafka/services/offsets';
import { readBody, clusterRoute } from '@/lib/http/route';
import { assertJsonBody } from '@/lib/http/guard';
import { ResetOffsetsRequestSchema } from '@/lib/schemas/group';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// A read: allowed even when resets are switched off, so the wizard can still show the plan.
export const POST = clusterRoute<{ cluster: string; group: string }>({}, async ({ request, params, clients }) => {
  assertJsonBody(request);
  return previewReset(clients(), params.group, await readBody(request, ResetOffsetsRequestSchema));
});
