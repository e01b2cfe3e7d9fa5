// GET /api/clusters/:cluster/schemas/subjects/:subject/versions/:version — one version ("latest"
// too), soft-deleted ones included. DELETE — delete it: soft, or for good with ?permanent=true.
import { clusterRoute, readQuery } from '@/lib/http/route';
import { deleteVersion, getSchemaVersion } from '@/lib/kafka/services/schemas';
import { SchemaDeleteQuerySchema, VersionParam } from '@/lib/schemas/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type P = { cluster: string; subject: string; version: string };

export const GET = clusterRoute<P>({}, ({ cluster, params }) => getSchemaVersion(cluster, params.subject, VersionParam.parse(params.version)));

export const DELETE = clusterRoute<P>({ mutation: 'schemaEdit' }, ({ cluster, params, url }) => {
  const version = VersionParam.parse(params.version);
  if (version === 'latest') return deleteLatest(cluster, params.subject, readQuery(url, SchemaDeleteQuerySchema).permanent);
  return deleteVersion(cluster, params.subject, version, readQuery(url, SchemaDeleteQuerySchema).permanent);
});

async function deleteLatest(cluster: Parameters<typeof deleteVersion>[0], subject: string, permanent: boolean) {
  const latest = await getSchemaVersion(cluster, subject, 'latest');
  return deleteVersion(cluster, subject, latest.version, permanent);
}
