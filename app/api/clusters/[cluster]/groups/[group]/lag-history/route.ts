// GET /api/clusters/:cluster/groups/:group/lag-history?range=15m|1h|6h|24h|7d — the group's lag over
// time from the cluster's lag history (per partition [t, committed, log end, lag], totals and rates
// per point, the verdict and each partition's), at most about 2,000 points per series.
import { groupLagHistory } from '@/lib/kafka/history/lag-history';
import { clusterRoute, readQuery } from '@/lib/http/route';
import { LagHistoryQuerySchema } from '@/lib/schemas/lag-history';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Reads the console's own files, never the cluster: no deadline needed.
export const GET = clusterRoute<{ cluster: string; group: string }>({}, ({ params, url, cluster }) =>
  groupLagHistory(cluster.name, params.group, readQuery(url, LagHistoryQuerySchema).range),
);
