// GET /api/openapi.json — the API described in OpenAPI 3.1, generated from the shared zod schemas.
import { openApiDocument } from '@/lib/http/openapi';
import { route } from '@/lib/http/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({}, () => openApiDocument());
