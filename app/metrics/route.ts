// GET /metrics — Prometheus text (format 0.0.4): every cluster's consumer-group lag, lag in seconds,
// committed offsets, log ends and statuses from the lag samplers' latest round, and the console's
// own lanes, samplers and requests (lib/kafka/history/metrics.ts). It never asks a cluster, so a
// scrape costs the same whether the clusters answer or not. The text is produced in one go (one
// consistent round, even if the next round ends meanwhile) and sent in chunks of about 64 KB.
// A route handler like those under app/api, outside it only because Prometheus asks for /metrics.
import { metricsText } from '@/lib/kafka/history/metrics';
import { CONTENT_TYPE } from '@/lib/kafka/history/prometheus';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(): Response {
  const chunks = [...metricsText()];
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(encoder.encode(chunks[next++]));
      else controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': CONTENT_TYPE, 'cache-control': 'no-store' } });
}
