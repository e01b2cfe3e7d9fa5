// GET /api/topics/:topic — partitions, configs and consuming groups; DELETE — delete the topic.
import { getClients } from '@/lib/kafka/connection/clients';
import { deleteTopic, getTopic } from '@/lib/kafka/services/topics';
import { route } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route<{ topic: string }>({}, ({ params }) => getTopic(getClients(), params.topic));

export const DELETE = route<{ topic: string }>({ mutation: 'topicDelete' }, async ({ params }) => {
  await deleteTopic(getClients(), params.topic);
  return new Response(null, { status: 204 });
});
