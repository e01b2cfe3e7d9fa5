// GET /api/clusters/:cluster/brokers/:id — one broker, the partitions it leads, and its configs.
import { z } from 'zod/mini';
import { brokerDetail } from '@/lib/kafka/services/cluster';
import { clusterRoute } from '@/lib/http/route';
import { notFound } from '@/lib/kafka/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string; id: string }>({}, ({ params, clients, access }) => {
  const id = z.coerce.number().check(z.int(), z.gte(0)).safeParse(params.id);
  if (!id.success || !/^\d+$/.test(params.id)) throw notFound(`Broker "${params.id}" is not part of the cluster.`);
  return brokerDetail(clients(), id.data, access.visibility());
});
