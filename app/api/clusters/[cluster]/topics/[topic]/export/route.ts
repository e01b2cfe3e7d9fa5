// GET /api/clusters/:cluster/topics/:topic/export?format=ndjson|json|csv — the records of a range as a file download, streamed.
import { requireClearData } from '@/lib/http/access';
import { downloadResponse } from '@/lib/http/stream-response';
import { readQuery, clusterRoute } from '@/lib/http/route';
import { EXPORT_CONTENT_TYPES, exportMessages } from '@/lib/kafka/services/export';
import { ExportQuerySchema } from '@/lib/schemas/streams';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string; topic: string }>({}, async ({ request, url, params, clients, access }) => {
  requireClearData(access, params.topic, 'export');
  const q = readQuery(url, ExportQuerySchema);
  const stream = await exportMessages(clients(), params.topic, q, request.signal);
  return downloadResponse(stream, EXPORT_CONTENT_TYPES[q.format], `${params.topic}.${q.format}`);
});
