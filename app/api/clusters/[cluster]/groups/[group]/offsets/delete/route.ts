// POST /api/clusters/:cluster/groups/:group/offsets/delete — forget the group's committed offsets of one
// topic (OffsetDelete); behind GROUP_DELETE_ENABLED, as it removes part of a group.
import { deleteTopicOffsets } from '@/lib/kafka/services/offset-delete';
import { clusterRoute, readBody } from '@/lib/http/route';
import { DeleteGroupOffsetsRequestSchema } from '@/lib/schemas/group-offsets';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = clusterRoute<{ cluster: string; group: string }>({ mutation: 'groupDelete' }, async ({ request, params, clients }) =>
  deleteTopicOffsets(clients(), params.group, (await readBody(request, DeleteGroupOffsetsRequestSchema)).topic),
);
