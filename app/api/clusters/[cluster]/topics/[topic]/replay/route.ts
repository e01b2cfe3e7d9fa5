// POST /api/clusters/:cluster/topics/:topic/replay — copy chosen records to a topic of this or another cluster.
// dryRun: the plan as JSON; otherwise NDJSON of the plan, progress and a summary. 403 when the
// target cluster is read-only or may not be produced to.
import { requireClearData } from '@/lib/http/access';
import { eventStreamResponse } from '@/lib/http/stream-response';
import { assertWriteRequest, producibleCluster } from '@/lib/http/write-target';
import { readBody, clusterRoute } from '@/lib/http/route';
import { clientsFor } from '@/lib/kafka/connection/registry';
import { previewReplay, runReplay } from '@/lib/kafka/services/replay';
import { ReplayRequestSchema } from '@/lib/schemas/streams';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = clusterRoute<{ cluster: string; topic: string }>({}, async ({ request, params, cluster, clients, access }) => {
  requireClearData(access, params.topic, 'replay');
  assertWriteRequest(request);
  const req = await readBody(request, ReplayRequestSchema);
  const target = producibleCluster(req.target.cluster ?? cluster.name);
  // Writing to the target needs produce there: on the named topic, or (DLQ preset, topics named per
  // record) on every topic of the target cluster.
  access.requireIn(target.name, 'messages:produce', req.target.topic ?? '*', req.target.topic ? undefined : 'Replay by a DLQ header may write to any topic of the target cluster.');
  const targetClients = clientsFor(target.name);
  if (req.dryRun) return previewReplay(clients(), targetClients, params.topic, req);
  return eventStreamResponse(await runReplay(clients(), targetClients, params.topic, req, request.signal), 'ndjson');
});
