// GET /api/settings — mode, bootstrap (never credentials) and the effective safety switches.
import { getConfig, publicSettings } from '@/lib/config';
import { route } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({}, () => publicSettings(getConfig()));
