// GET /api/me — who is signed in, how the console signs in, and the user's grants (so the UI hides
// what the server would refuse). Not signed in: user null and no grants.
import { me } from '@/lib/http/auth/login';
import { route } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({}, ({ access }) => me(access.principal));
