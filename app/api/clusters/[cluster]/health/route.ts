// GET /api/clusters/:cluster/health — whether the cluster answers (brokers, topics, partitions,
// groups) and how busy its lanes are. Answers within a short deadline even when the cluster hangs.
import { clusterRoute } from '@/lib/http/route';
import { clusterLanesHealth } from '@/lib/kafka/services/health';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string }>({}, ({ cluster }) => clusterLanesHealth(cluster.name));
