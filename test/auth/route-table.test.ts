// Every API route has an entry in the permission table (fail closed): this walks app/api/**/route.ts,
// reads which methods each file exports, and fails for any without a rule — and for any rule whose
// route no longer exists. It also checks the table's matcher finds each route from a real URL.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTE_PERMISSIONS, matchRoute } from '../../lib/http/route-permissions';

const root = join(__dirname, '../..');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return name === 'route.ts' ? [p] : [];
  });
}

export function apiRoutes(): { pattern: string; methods: string[] }[] {
  return routeFiles(join(root, 'app/api')).map((file) => {
    const pattern = '/' + relative(join(root, 'app'), file).split(sep).slice(0, -1).join('/');
    const text = readFileSync(file, 'utf8');
    const methods = [...text.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD)\b/g)].map((m) => m[1]!);
    return { pattern, methods };
  });
}

describe('the route permission table', () => {
  const routes = apiRoutes();

  it('finds the API routes', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.find((r) => r.pattern === '/api/clusters/[cluster]/topics')?.methods.sort()).toEqual(['GET', 'POST']);
  });

  it.each(routes.flatMap((r) => r.methods.map((m) => [m, r.pattern] as const)))('has a rule for %s %s', (method, pattern) => {
    const rule = ROUTE_PERMISSIONS[pattern]?.[method as 'GET'];
    expect(rule, `add ${method} ${pattern} to lib/http/route-permissions.ts`).toBeDefined();
    // A URL with sample values reaches the same entry.
    const url = pattern.replace(/\[[^\]]+\]/g, 'sample-value');
    expect(matchRoute(url, method)?.pattern).toBe(pattern);
  });

  it('has no rule for a route that does not exist', () => {
    for (const [pattern, methods] of Object.entries(ROUTE_PERMISSIONS)) {
      const route = routes.find((r) => r.pattern === pattern);
      expect(route, `${pattern} is in the table but has no route.ts`).toBeDefined();
      for (const m of Object.keys(methods)) expect(route!.methods, `${m} ${pattern}`).toContain(m);
    }
  });

  it('matches literal segments before parameters, and nothing for an unknown path', () => {
    expect(matchRoute('/api/clusters/a/groups/g/offsets/reset', 'POST')?.pattern).toBe('/api/clusters/[cluster]/groups/[group]/offsets/reset');
    expect(matchRoute('/api/clusters/a/topics/t/records/delete', 'POST')?.rule).toMatchObject({ action: 'records:delete' });
    expect(matchRoute('/api/nothing/here', 'GET')).toBeNull();
    expect(matchRoute('/api/clusters/a/topics', 'PATCH')?.rule).toBeNull();
  });
});
