// GET /api/clusters/:cluster/groups — filtered, sorted, paged consumer groups with state, members, topics and lag.
import { listGroups } from '@/lib/kafka/services/groups';
import { readQuery, clusterRoute } from '@/lib/http/route';
import { GroupListQuerySchema } from '@/lib/schemas/group';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// A broker that accepts and never answers must not hold the page past the request timeout.
export const GET = clusterRoute<{ cluster: string }>({ deadline: true }, ({ url, clients, access }) => listGroups(clients(), readQuery(url, GroupListQuerySchema), access.visibility()));
