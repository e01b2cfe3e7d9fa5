// The health route handler, called as Next calls it, answers JSON that the shared schema accepts.
import { describe, expect, it } from 'vitest';
import { GET } from '../app/api/health/route';
import { HealthSchema } from '../lib/schemas/health';
import pkg from '../package.json';

describe('GET /api/health', () => {
  it('answers ok with the package version, uncached', async () => {
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = HealthSchema.parse(await res.json());
    expect(body.version).toBe(pkg.version);
  });
});
