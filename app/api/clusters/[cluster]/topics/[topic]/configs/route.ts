// PUT /api/clusters/:cluster/topics/:topic/configs — set or remove topic config overrides; answers the new configs.
import { updateTopicConfigs } from '@/lib/kafka/services/topics';
import { readBody, clusterRoute } from '@/lib/http/route';
import { UpdateTopicConfigsRequestSchema } from '@/lib/schemas/topic';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const PUT = clusterRoute<{ cluster: string; topic: string }>({ mutation: 'topicCreate' }, async ({ request, params, clients }) =>
  updateTopicConfigs(clients(), params.topic, await readBody(request, UpdateTopicConfigsRequestSchema)),
);
