// GET /api/cluster — cluster id, controller, brokers and totals.
import { getClients } from '@/lib/kafka/connection/clients';
import { clusterOverview } from '@/lib/kafka/services/cluster';
import { route } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({}, () => clusterOverview(getClients()));
