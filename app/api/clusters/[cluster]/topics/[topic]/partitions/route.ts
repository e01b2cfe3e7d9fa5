// POST /api/clusters/:cluster/topics/:topic/partitions — raise the partition count.
import { addPartitions } from '@/lib/kafka/services/topics';
import { readBody, clusterRoute } from '@/lib/http/route';
import { AddPartitionsRequestSchema } from '@/lib/schemas/topic';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = clusterRoute<{ cluster: string; topic: string }>({ mutation: 'topicCreate' }, async ({ request, params, clients }) =>
  addPartitions(clients(), params.topic, await readBody(request, AddPartitionsRequestSchema)),
);
