// GET /api/clusters/:cluster/topics/:topic/search — NDJSON stream of progress, matches and a final done event.
import { searchMessages } from '@/lib/kafka/services/search';
import { readQuery, clusterRoute } from '@/lib/http/route';
import { SearchQuerySchema } from '@/lib/schemas/message';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string; topic: string }>({}, async ({ request, url, params, clients, access }) => {
  const stream = await searchMessages(clients(), params.topic, readQuery(url, SearchQuerySchema), request.signal, access.masker(params.topic));
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
});
