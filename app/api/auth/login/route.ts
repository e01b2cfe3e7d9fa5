// POST /api/auth/login — sign in with a built-in user ({user, password}); sets the session cookie.
import { login, LoginRequestSchema } from '@/lib/http/auth/login';
import { readBody, route } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = route({}, async ({ request }) => login(request, await readBody(request, LoginRequestSchema)));
