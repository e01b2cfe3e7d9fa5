// POST /api/topics/:topic/partitions — raise the partition count.
import { getClients } from '@/lib/kafka/connection/clients';
import { addPartitions } from '@/lib/kafka/services/topics';
import { readBody, route } from '@/lib/http/route';
import { AddPartitionsRequestSchema } from '@/lib/schemas/topic';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = route<{ topic: string }>({ mutation: 'topicCreate' }, async ({ request, params }) =>
  addPartitions(getClients(), params.topic, await readBody(request, AddPartitionsRequestSchema)),
);
