// GET /api/clusters/:cluster/schemas/subjects/:subject — versions, latest schema, level, topics.
// DELETE — delete the subject: soft, or for good with ?permanent=true once it is soft-deleted.
import { clusterRoute, readQuery } from '@/lib/http/route';
import { deleteSubject, getSubject } from '@/lib/kafka/services/schemas';
import { SchemaDeleteQuerySchema } from '@/lib/schemas/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type P = { cluster: string; subject: string };

export const GET = clusterRoute<P>({}, ({ cluster, clients, params }) => getSubject(cluster, clients, params.subject));

export const DELETE = clusterRoute<P>({ mutation: 'schemaEdit' }, ({ cluster, params, url }) =>
  deleteSubject(cluster, params.subject, readQuery(url, SchemaDeleteQuerySchema).permanent),
);
