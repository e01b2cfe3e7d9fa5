// GET /api/clusters/:cluster/settings — the cluster's name, mode, bootstrap (never credentials) and
// its effective safety switches, so the UI hides what the server would refuse.
import { publicClusterInfo } from '@/lib/config';
import { clusterRoute } from '@/lib/http/route';
import { bootstrapOf, schemaRegistryOf } from '@/lib/kafka/connection/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string }>({}, ({ cluster }) => publicClusterInfo(cluster, bootstrapOf(cluster), schemaRegistryOf(cluster) !== null));
