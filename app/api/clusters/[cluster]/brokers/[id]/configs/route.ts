// GET /api/clusters/:cluster/brokers/:id/configs — one broker's configs, or with id "default" the
// cluster-wide dynamic defaults; PUT — set or delete dynamic broker configs (TOPIC_CREATE_ENABLED,
// the switch that also covers topic config edits).
import { brokerConfigs, updateBrokerConfigs, type BrokerConfigTarget } from '@/lib/kafka/services/broker-configs';
import { clusterRoute, readBody } from '@/lib/http/route';
import { notFound } from '@/lib/kafka/errors';
import { UpdateBrokerConfigsRequestSchema } from '@/lib/schemas/broker';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

function target(id: string): BrokerConfigTarget {
  if (id === 'default') return 'default';
  if (/^\d{1,9}$/.test(id)) return Number(id);
  throw notFound(`Broker "${id}" is not part of the cluster.`);
}

export const GET = clusterRoute<{ cluster: string; id: string }>({}, ({ params, clients }) => brokerConfigs(clients(), target(params.id)));

export const PUT = clusterRoute<{ cluster: string; id: string }>({ mutation: 'topicCreate' }, async ({ request, params, clients }) => {
  const t = target(params.id);
  return updateBrokerConfigs(clients(), t, (await readBody(request, UpdateBrokerConfigsRequestSchema)).configs);
});
