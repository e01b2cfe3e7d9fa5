// POST /api/groups/:group/offsets/preview — what a reset would do; changes nothing.
import { getClients } from '@/lib/kafka/connection/clients';
import { previewReset } from '@/lib/kafka/services/offsets';
import { readBody, route } from '@/lib/http/route';
import { assertJsonBody } from '@/lib/http/guard';
import { ResetOffsetsRequestSchema } from '@/lib/schemas/group';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// A read: allowed even when resets are switched off, so the wizard can still show the plan.
export const POST = route<{ group: string }>({}, async ({ request, params }) => {
  assertJsonBody(request);
  return previewReset(getClients(), params.group, await readBody(request, ResetOffsetsRequestSchema));
});
