// GET /api/groups/:group — members, assignments, offsets and lag; DELETE — delete an empty group.
import { getClients } from '@/lib/kafka/connection/clients';
import { deleteGroup, getGroup } from '@/lib/kafka/services/groups';
import { route } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route<{ group: string }>({}, ({ params }) => getGroup(getClients(), params.group));

export const DELETE = route<{ group: string }>({ mutation: 'groupDelete' }, async ({ params }) => {
  await deleteGroup(getClients(), params.group);
  return new Response(null, { status: 204 });
});
