// GET /api/clusters/:cluster/groups/:group — members, assignments, offsets and lag; DELETE — delete an empty group.
import { deleteGroup, getGroup } from '@/lib/kafka/services/groups';
import { clusterRoute } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Several Kafka requests in sequence (describe, offsets, watermarks, coordinator): a broker that accepts
// and never answers made this take 20-40 s; it answers 504 at the request timeout instead.
export const GET = clusterRoute<{ cluster: string; group: string }>({ deadline: true }, ({ params, clients, access }) => getGroup(clients(), params.group, access.visibility()));

export const DELETE = clusterRoute<{ cluster: string; group: string }>({ mutation: 'groupDelete' }, async ({ params, clients }) => {
  await deleteGroup(clients(), params.group);
  return new Response(null, { status: 204 });
});
