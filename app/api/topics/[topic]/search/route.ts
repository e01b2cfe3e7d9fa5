// GET /api/topics/:topic/search — NDJSON stream of progress, matches and a final done event.
import { getClients } from '@/lib/kafka/connection/clients';
import { searchMessages } from '@/lib/kafka/services/search';
import { readQuery, route } from '@/lib/http/route';
import { SearchQuerySchema } from '@/lib/schemas/message';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route<{ topic: string }>({}, async ({ request, url, params }) => {
  const stream = await searchMessages(getClients(), params.topic, readQuery(url, SearchQuerySchema), request.signal);
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
});
