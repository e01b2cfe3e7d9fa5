// GET /api/clusters — every configured cluster with its settings and health. Each cluster's health is
// awaited only for a short deadline, so one hung cluster never holds the list back.
import { route } from '@/lib/http/route';
import { listClusterCards } from '@/lib/kafka/services/health';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({}, () => listClusterCards());
