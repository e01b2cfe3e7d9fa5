// GET /api/clusters/:cluster/log-dirs — each broker's log directories with their size on disk.
import { logDirs } from '@/lib/kafka/services/cluster';
import { clusterRoute } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string }>({ deadline: true }, ({ clients }) => logDirs(clients()));
