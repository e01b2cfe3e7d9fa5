// GET /api/clusters/:cluster/topics — filtered, sorted, paged topic list; POST /api/clusters/:cluster/topics — create a topic.
import { createTopic, listTopics } from '@/lib/kafka/services/topics';
import { json, readBody, readQuery, clusterRoute } from '@/lib/http/route';
import { CreateTopicRequestSchema, TopicListQuerySchema } from '@/lib/schemas/topic';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string }>({}, ({ url, clients, access }) => listTopics(clients(), readQuery(url, TopicListQuerySchema), access.visibility()));

export const POST = clusterRoute<{ cluster: string }>({ mutation: 'topicCreate' }, async ({ request, clients }) =>
  json(await createTopic(clients(), await readBody(request, CreateTopicRequestSchema)), 201),
);
