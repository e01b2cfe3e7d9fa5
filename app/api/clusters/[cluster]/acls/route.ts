// GET /api/clusters/:cluster/acls — ACL bindings, filtered as Kafka filters them (enabled: false when the
// cluster has no authorizer); POST — create bindings; DELETE — delete exactly the bindings in the body.
import { createAcls, deleteAcls, listAcls } from '@/lib/kafka/services/acls';
import { clusterRoute, json, readBody, readQuery } from '@/lib/http/route';
import { AclBindingsRequestSchema, AclListQuerySchema } from '@/lib/schemas/acl';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute<{ cluster: string }>({}, ({ url, clients }) => listAcls(clients(), readQuery(url, AclListQuerySchema)));

export const POST = clusterRoute<{ cluster: string }>({ mutation: 'aclEdit' }, async ({ request, clients }) =>
  json(await createAcls(clients(), (await readBody(request, AclBindingsRequestSchema)).bindings), 201),
);

export const DELETE = clusterRoute<{ cluster: string }>({ mutation: 'aclEdit' }, async ({ request, clients }) =>
  deleteAcls(clients(), (await readBody(request, AclBindingsRequestSchema)).bindings),
);
