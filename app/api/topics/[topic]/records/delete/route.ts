// POST /api/topics/:topic/records/delete — purge records up to an offset per partition, or all.
import { getClients } from '@/lib/kafka/connection/clients';
import { deleteRecords } from '@/lib/kafka/services/topics';
import { readBody, route } from '@/lib/http/route';
import { DeleteRecordsRequestSchema } from '@/lib/schemas/topic';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = route<{ topic: string }>({ mutation: 'recordsDelete' }, async ({ request, params }) =>
  deleteRecords(getClients(), params.topic, await readBody(request, DeleteRecordsRequestSchema)),
);
