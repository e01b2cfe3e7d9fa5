// GET /api/clusters/:cluster/topics/:topic — partitions, configs and consuming groups; DELETE — delete the topic.
import { deleteTopic, getTopic } from '@/lib/kafka/services/topics';
import { clusterRoute } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string; topic: string }>({}, ({ params, clients, access }) => getTopic(clients(), params.topic, access.visibility()));

export const DELETE = clusterRoute<{ cluster: string; topic: string }>({ mutation: 'topicDelete' }, async ({ params, clients }) => {
  await deleteTopic(clients(), params.topic);
  return new Response(null, { status: 204 });
});
