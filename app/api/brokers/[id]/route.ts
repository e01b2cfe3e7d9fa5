// GET /api/brokers/:id — one broker, the partitions it leads, and its configs.
import { z } from 'zod';
import { getClients } from '@/lib/kafka/connection/clients';
import { brokerDetail } from '@/lib/kafka/services/cluster';
import { route } from '@/lib/http/route';
import { notFound } from '@/lib/http/problem';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route<{ id: string }>({}, ({ params }) => {
  const id = z.coerce.number().int().min(0).safeParse(params.id);
  if (!id.success || !/^\d+$/.test(params.id)) throw notFound(`Broker "${params.id}" is not part of the cluster.`);
  return brokerDetail(getClients(), id.data);
});
