// POST /api/auth/logout — ends the session (clears the cookie).
import { logout } from '@/lib/http/auth/login';
import { route } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = route({}, ({ request, access }) => logout(request, access.principal));
