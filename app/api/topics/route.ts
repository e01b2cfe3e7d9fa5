// GET /api/topics — filtered, sorted, paged topic list; POST /api/topics — create a topic.
import { getClients } from '@/lib/kafka/connection/clients';
import { createTopic, listTopics } from '@/lib/kafka/services/topics';
import { json, readBody, readQuery, route } from '@/lib/http/route';
import { CreateTopicRequestSchema, TopicListQuerySchema } from '@/lib/schemas/topic';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({}, ({ url }) => listTopics(getClients(), readQuery(url, TopicListQuerySchema)));

export const POST = route({ mutation: 'topicCreate' }, async ({ request }) =>
  json(await createTopic(getClients(), await readBody(request, CreateTopicRequestSchema)), 201),
);
