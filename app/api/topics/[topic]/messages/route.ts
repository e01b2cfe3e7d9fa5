// GET /api/topics/:topic/messages — browse (group-less); POST — produce one message.
import { getClients } from '@/lib/kafka/connection/clients';
import { getMessages } from '@/lib/kafka/services/messages';
import { produceMessage } from '@/lib/kafka/services/produce';
import { json, readBody, readQuery, route } from '@/lib/http/route';
import { MessagesQuerySchema, ProduceRequestSchema } from '@/lib/schemas/message';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route<{ topic: string }>({}, ({ url, params }) => getMessages(getClients(), params.topic, readQuery(url, MessagesQuerySchema)));

export const POST = route<{ topic: string }>({ mutation: 'messageSend' }, async ({ request, params }) =>
  json(await produceMessage(getClients(), params.topic, await readBody(request, ProduceRequestSchema)), 201),
);
