// GET /api/groups — filtered, sorted, paged consumer groups with state, members, topics and lag.
import { getClients } from '@/lib/kafka/connection/clients';
import { listGroups } from '@/lib/kafka/services/groups';
import { readQuery, route } from '@/lib/http/route';
import { GroupListQuerySchema } from '@/lib/schemas/group';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({}, ({ url }) => listGroups(getClients(), readQuery(url, GroupListQuerySchema)));
