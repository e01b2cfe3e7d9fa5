// GET /api/auth/oidc/start?next=/path — begins an OpenID Connect sign-in (redirect to the provider).
import { startOidc } from '@/lib/http/auth/oidc';
import { route } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({}, ({ request, url }) => startOidc(request, url));
