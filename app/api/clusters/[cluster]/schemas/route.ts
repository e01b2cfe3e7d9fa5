// GET /api/clusters/:cluster/schemas — the registry's subjects: filter, type, paging, each with its
// latest version and compatibility, plus the global level.
import { clusterRoute, readQuery } from '@/lib/http/route';
import { listSubjects } from '@/lib/kafka/services/schemas';
import { SubjectListQuerySchema } from '@/lib/schemas/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = clusterRoute({}, ({ cluster, url }) => listSubjects(cluster, readQuery(url, SubjectListQuerySchema)));
