import { HealthSchema, type Health } from '@/lib/schemas/health';
import { VERSION } from '@/lib/version';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(): Response {
  const body: Health = HealthSchema.parse({
    status: 'ok',
    version: VERSION,
    uptimeSeconds: Math.round(process.uptime()),
  });
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
}
