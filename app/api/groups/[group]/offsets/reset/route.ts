// POST /api/groups/:group/offsets/reset — commit the previewed offsets (409 while members remain).
import { getClients } from '@/lib/kafka/connection/clients';
import { applyReset } from '@/lib/kafka/services/offsets';
import { readBody, route } from '@/lib/http/route';
import { ResetOffsetsRequestSchema } from '@/lib/schemas/group';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = route<{ group: string }>({ mutation: 'offsetReset' }, async ({ request, params }) =>
  applyReset(getClients(), params.group, await readBody(request, ResetOffsetsRequestSchema)),
);
