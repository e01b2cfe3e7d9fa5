// The Confluent REST API, route by route: each entry names the method and path (":x" segments are
// parameters, already URL-decoded) and turns the request into a registry operation and its answer
// into Confluent's JSON. A route answers either JSON or, for the `/schema` variants, the bare schema
// text as Confluent does.
import { schemaNotFound } from './errors';
import type { SchemaRegistry } from './registry';
import { parseSchemaRequest, viewOf } from './requests';
import { SCHEMA_TYPES } from './records';

export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export type RouteAnswer = { json: unknown } | { text: string };

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string[];
  handle: (registry: SchemaRegistry, req: RouteRequest) => RouteAnswer | Promise<RouteAnswer>;
}

const flag = (q: URLSearchParams, name: string) => q.get(name)?.toLowerCase() === 'true';

function schemaId(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 0x7fffffff) throw schemaNotFound();
  return n;
}

const route = (method: Route['method'], path: string, handle: Route['handle']): Route => ({ method, path: path.split('/').filter(Boolean), handle });

export const ROUTES: Route[] = [
  route('GET', '/', () => ({ json: {} })),
  route('GET', '/schemas/types', () => ({ json: [...SCHEMA_TYPES].reverse() })),

  // Schemas by id.
  route('GET', '/schemas/ids/:id', (r, { params }) => {
    const { schema, schemaType, references } = r.schemaById(schemaId(params.id!));
    return { json: { ...(schemaType && { schemaType }), ...(references && { references }), schema } };
  }),
  route('GET', '/schemas/ids/:id/schema', (r, { params }) => ({ text: r.schemaById(schemaId(params.id!)).schema })),
  route('GET', '/schemas/ids/:id/versions', (r, { params, query }) => ({ json: r.usesOfId(schemaId(params.id!), flag(query, 'deleted')) })),
  route('GET', '/schemas/ids/:id/subjects', (r, { params, query }) => ({
    json: [...new Set(r.usesOfId(schemaId(params.id!), flag(query, 'deleted')).map((u) => u.subject))],
  })),

  // Subjects and versions.
  route('GET', '/subjects', (r, { query }) => ({ json: r.listSubjects(flag(query, 'deleted')) })),
  route('GET', '/subjects/:subject/versions', (r, { params, query }) => ({ json: r.listVersions(params.subject!, flag(query, 'deleted')) })),
  route('POST', '/subjects/:subject/versions', async (r, { params, body }) => ({ json: await r.register(params.subject!, parseSchemaRequest(body)) })),
  route('GET', '/subjects/:subject/versions/:version', (r, { params, query }) => ({
    json: viewOf(r.getVersion(params.subject!, params.version!, flag(query, 'deleted'))),
  })),
  route('GET', '/subjects/:subject/versions/:version/schema', (r, { params, query }) => ({
    text: r.getVersion(params.subject!, params.version!, flag(query, 'deleted')).schema,
  })),
  route('GET', '/subjects/:subject/versions/:version/referencedby', (r, { params }) => {
    const target = r.getVersion(params.subject!, params.version!, false);
    const ids = new Set<number>();
    for (const subject of r.listSubjects(false)) {
      for (const version of r.listVersions(subject, false)) {
        const v = r.getVersion(subject, String(version), false);
        if (v.references?.some((ref) => ref.subject === target.subject && ref.version === target.version)) ids.add(v.id);
      }
    }
    return { json: [...ids].sort((a, b) => a - b) };
  }),
  route('POST', '/subjects/:subject', (r, { params, body, query }) => ({
    json: viewOf(r.lookup(params.subject!, parseSchemaRequest(body), flag(query, 'deleted'))),
  })),
  route('DELETE', '/subjects/:subject', async (r, { params, query }) => ({ json: await r.deleteSubject(params.subject!, flag(query, 'permanent')) })),
  route('DELETE', '/subjects/:subject/versions/:version', async (r, { params, query }) => ({
    json: await r.deleteVersion(params.subject!, params.version!, flag(query, 'permanent')),
  })),

  // Compatibility.
  route('POST', '/compatibility/subjects/:subject/versions', (r, { params, body, query }) => compatibility(r.testCompatibility(params.subject!, null, parseSchemaRequest(body)), query)),
  route('POST', '/compatibility/subjects/:subject/versions/:version', (r, { params, body, query }) =>
    compatibility(r.testCompatibility(params.subject!, params.version!, parseSchemaRequest(body)), query),
  ),

  // Configuration (compatibility levels).
  route('GET', '/config', (r) => ({ json: { compatibilityLevel: r.getConfig(null, true) } })),
  route('PUT', '/config', async (r, { body }) => ({ json: { compatibility: await r.setConfig(null, body) } })),
  route('DELETE', '/config', async (r) => ({ json: { compatibilityLevel: await r.deleteConfig(null) } })),
  route('GET', '/config/:subject', (r, { params, query }) => ({ json: { compatibilityLevel: r.getConfig(params.subject!, flag(query, 'defaultToGlobal')) } })),
  route('PUT', '/config/:subject', async (r, { params, body }) => ({ json: { compatibility: await r.setConfig(params.subject!, body) } })),
  route('DELETE', '/config/:subject', async (r, { params }) => ({ json: { compatibilityLevel: await r.deleteConfig(params.subject!) } })),

  // Mode: this registry is always read-write.
  route('GET', '/mode', () => ({ json: { mode: 'READWRITE' } })),
  route('GET', '/mode/:subject', () => ({ json: { mode: 'READWRITE' } })),
];

function compatibility(problems: string[], query: URLSearchParams): RouteAnswer {
  return { json: { is_compatible: problems.length === 0, ...(flag(query, 'verbose') && { messages: problems }) } };
}

/** The route for a path (segments already decoded): the match, or which methods the path allows. */
export function matchRoute(method: string, segments: string[]): { route: Route; params: Record<string, string> } | { allowed: string[] } {
  const allowed: string[] = [];
  for (const r of ROUTES) {
    if (r.path.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = r.path.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = segments[i]!;
        return segments[i] !== '';
      }
      return part === segments[i];
    });
    if (!matches) continue;
    if (r.method === method) return { route: r, params };
    allowed.push(r.method);
  }
  return { allowed };
}
