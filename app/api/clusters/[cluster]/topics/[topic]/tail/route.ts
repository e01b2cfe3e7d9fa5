// GET /api/clusters/:cluster/topics/:topic/tail — live tail: NDJSON (or SSE) of start, messages, stats, error and done events.
import { eventStreamResponse, framingOf } from '@/lib/http/stream-response';
import { readQuery, clusterRoute } from '@/lib/http/route';
import { tailMessages } from '@/lib/kafka/services/tail';
import { TailQuerySchema } from '@/lib/schemas/streams';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string; topic: string }>({}, async ({ request, url, params, clients, access }) => {
  const q = readQuery(url, TailQuerySchema);
  const framing = framingOf(request, q.stream);
  return eventStreamResponse(await tailMessages(clients(), params.topic, q, framing, request.signal, access.masker(params.topic)), framing);
});
