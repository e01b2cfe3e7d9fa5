// GET /api/clusters/:cluster/overview — cluster id, controller, brokers and totals.
import { clusterOverview } from '@/lib/kafka/services/cluster';
import { clusterRoute } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string }>({}, ({ clients, access }) => clusterOverview(clients(), access.visibility()));
