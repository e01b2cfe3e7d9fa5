// GET /api/auth/oidc/callback — the provider sends the browser back here with a code; sets the session.
import { finishOidc } from '@/lib/http/auth/oidc';
import { route } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({}, ({ request, url }) => finishOidc(request, url));
