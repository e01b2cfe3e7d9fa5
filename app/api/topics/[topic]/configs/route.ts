// PUT /api/topics/:topic/configs — set or remove topic config overrides; answers the new configs.
import { getClients } from '@/lib/kafka/connection/clients';
import { updateTopicConfigs } from '@/lib/kafka/services/topics';
import { readBody, route } from '@/lib/http/route';
import { UpdateTopicConfigsRequestSchema } from '@/lib/schemas/topic';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const PUT = route<{ topic: string }>({ mutation: 'topicCreate' }, async ({ request, params }) =>
  updateTopicConfigs(getClients(), params.topic, await readBody(request, UpdateTopicConfigsRequestSchema)),
);
