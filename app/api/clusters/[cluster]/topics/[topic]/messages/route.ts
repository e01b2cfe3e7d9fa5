// GET /api/clusters/:cluster/topics/:topic/messages — browse (group-less); POST — produce one message or several.
import { getMessages } from '@/lib/kafka/services/messages';
import { produceMessages } from '@/lib/kafka/services/produce';
import { json, readBody, readQuery, clusterRoute } from '@/lib/http/route';
import { MessagesQuerySchema, ProduceRequestSchema } from '@/lib/schemas/message';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string; topic: string }>({}, ({ url, params, clients, access }) =>
  getMessages(clients(), params.topic, readQuery(url, MessagesQuerySchema), access.masker(params.topic)),
);

export const POST = clusterRoute<{ cluster: string; topic: string }>({ mutation: 'messageSend' }, async ({ request, params, clients }) => {
  const body = await readBody(request, ProduceRequestSchema);
  return json(await produceMessages(clients(), params.topic, 'messages' in body ? body.messages : [body]), 201);
});
