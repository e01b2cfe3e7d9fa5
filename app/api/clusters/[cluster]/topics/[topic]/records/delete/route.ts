// POST /api/clusters/:cluster/topics/:topic/records/delete — purge records up to an offset per partition, or all.
import { deleteRecords } from '@/lib/kafka/services/topics';
import { readBody, clusterRoute } from '@/lib/http/route';
import { DeleteRecordsRequestSchema } from '@/lib/schemas/topic';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = clusterRoute<{ cluster: string; topic: string }>({ mutation: 'recordsDelete' }, async ({ request, params, clients }) =>
  deleteRecords(clients(), params.topic, await readBody(request, DeleteRecordsRequestSchema)),
);
