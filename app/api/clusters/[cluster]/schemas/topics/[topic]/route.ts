// GET /api/clusters/:cluster/schemas/topics/:topic — the topic's key and value subjects
// (TopicNameStrategy: `<topic>-key`, `<topic>-value`), null where the registry has none.
import { clusterRoute } from '@/lib/http/route';
import { topicSubjects } from '@/lib/kafka/services/schemas';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string; topic: string }>({}, ({ cluster, params }) => topicSubjects(cluster, params.topic));
