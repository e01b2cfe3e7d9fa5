// GET /api/clusters/:cluster/groups/:group — members, assignments, offsets and lag; DELETE — delete an empty group.
import { deleteGroup, getGroup } from '@/lib/kafka/services/groups';
import { clusterRoute } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string; group: string }>({}, ({ params, clients }) => getGroup(clients(), params.group));

export const DELETE = clusterRoute<{ cluster: string; group: string }>({ mutation: 'groupDelete' }, async ({ params, clients }) => {
  await deleteGroup(clients(), params.group);
  return new Response(null, { status: 204 });
});
