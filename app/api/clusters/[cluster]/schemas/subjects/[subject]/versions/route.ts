// POST /api/clusters/:cluster/schemas/subjects/:subject/versions — register a new version (the
// registry refuses an incompatible one with 409; check first with .../compatibility/check).
import { clusterRoute, json, readBody } from '@/lib/http/route';
import { registerSchema } from '@/lib/kafka/services/schemas';
import { SchemaDraftSchema } from '@/lib/schemas/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = clusterRoute<{ cluster: string; subject: string }>({ mutation: 'schemaEdit' }, async ({ cluster, params, request }) =>
  json(await registerSchema(cluster, params.subject, await readBody(request, SchemaDraftSchema)), 201),
);
