// Which permission every API route needs: one table, keyed by the route's file path under app/
// (dynamic segments as written, [cluster]) and its method. The route wrapper (route.ts) looks every
// request up here before the handler runs; a route missing from the table is refused (403) and a
// test (test/auth/route-table.test.ts) walks app/api/**/route.ts and fails for any method without an
// entry, so a new route cannot ship open by accident.
//
// What an entry says:
// - public: anyone, signed in or not (health, the login endpoints);
// - signedIn: any signed-in user; the handler filters what it shows (the cluster list, /api/me);
// - action + resource: the action on the resource named by a path parameter (`param`), by a field
//   of the JSON body (`body`, for a create whose name is in the body), or on the cluster alone
//   (`cluster`: granted on some name of the cluster; the handler then filters a list by name);
// - audit: false for a POST that changes nothing (a preview); every other non-GET is a mutation and
//   is written to the audit log, allowed or refused. A GET that reads messages says how it is
//   recorded: 'read' (a page of records) and 'read-stream' (a search or tail, recorded when it starts
//   and when it ends) only when KAFSCOPE_AUDIT_READS is on; 'export' (a download) always, as the
//   action messages:export, since it takes records out of the console in bulk.
import 'server-only';
import type { Action } from '../schemas/permissions';

export type Resource = { param: string } | { body: string } | 'cluster' | 'anyCluster';

export type RouteRule =
  | { public: true }
  | { signedIn: true; audit?: false }
  | { action: Action; resource: Resource; audit?: false | ReadAudit };

/** How a GET that reads messages is recorded (see the header). */
export type ReadAudit = 'read' | 'read-stream' | 'export';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const C = '/api/clusters/[cluster]';
const topic = { param: 'topic' };
const group = { param: 'group' };
const subject = { param: 'subject' };

export const ROUTE_PERMISSIONS: Record<string, Partial<Record<Method, RouteRule>>> = {
  '/api/health': { GET: { public: true } },
  '/api/openapi.json': { GET: { public: true } },
  '/api/me': { GET: { public: true } },
  '/api/auth/login': { POST: { public: true } },
  '/api/auth/logout': { POST: { public: true } },
  '/api/auth/oidc/start': { GET: { public: true } },
  '/api/auth/oidc/callback': { GET: { public: true } },
  '/api/audit': { GET: { action: 'audit:view', resource: 'anyCluster' } },
  '/api/clusters': { GET: { signedIn: true } },

  [`${C}/settings`]: { GET: { signedIn: true } },
  [`${C}/health`]: { GET: { signedIn: true } },
  [`${C}/overview`]: { GET: { action: 'topic:view', resource: 'cluster' } },
  [`${C}/brokers/[id]`]: { GET: { action: 'topic:view', resource: 'cluster' } },

  [`${C}/topics`]: {
    GET: { action: 'topic:view', resource: 'cluster' },
    POST: { action: 'topic:create', resource: { body: 'name' } },
  },
  [`${C}/topics/[topic]`]: {
    GET: { action: 'topic:view', resource: topic },
    DELETE: { action: 'topic:delete', resource: topic },
  },
  // Lowering retention also needs records:delete: the handler asks for it (retention-effects.ts).
  [`${C}/topics/[topic]/configs`]: { PUT: { action: 'topic:edit-config', resource: topic } },
  [`${C}/topics/[topic]/partitions`]: { POST: { action: 'topic:edit-config', resource: topic } },
  [`${C}/topics/[topic]/records/delete`]: { POST: { action: 'records:delete', resource: topic } },
  [`${C}/topics/[topic]/messages`]: {
    GET: { action: 'messages:read', resource: topic, audit: 'read' },
    POST: { action: 'messages:produce', resource: topic },
  },
  [`${C}/topics/[topic]/search`]: { GET: { action: 'messages:read', resource: topic, audit: 'read-stream' } },
  // The descriptor files unframed Protobuf values are read with: for whoever reads some topic here.
  [`${C}/protobuf-descriptors`]: { GET: { action: 'messages:read', resource: 'cluster' } },

  [`${C}/groups`]: { GET: { action: 'group:view', resource: 'cluster' } },
  [`${C}/groups/[group]`]: {
    GET: { action: 'group:view', resource: group },
    DELETE: { action: 'group:delete', resource: group },
  },
  [`${C}/groups/[group]/lag-history`]: { GET: { action: 'group:view', resource: group } },
  [`${C}/groups/[group]/offsets/preview`]: { POST: { action: 'group:view', resource: group, audit: false } },
  [`${C}/groups/[group]/offsets/reset`]: { POST: { action: 'group:reset', resource: group } },
  // Forgets the group's position on one topic for good, as deleting the group does.
  [`${C}/groups/[group]/offsets/delete`]: { POST: { action: 'group:delete', resource: group } },

  // Streams of records: the reader needs messages:read; a replay's target is checked by its handler.
  [`${C}/topics/[topic]/tail`]: { GET: { action: 'messages:read', resource: topic, audit: 'read-stream' } },
  [`${C}/topics/[topic]/export`]: { GET: { action: 'messages:read', resource: topic, audit: 'export' } },
  [`${C}/topics/[topic]/replay`]: { POST: { action: 'messages:read', resource: topic } },

  // Sizes and broker settings are about the cluster; broker configs are edited like topic configs.
  [`${C}/log-dirs`]: { GET: { action: 'topic:view', resource: 'cluster' } },
  [`${C}/brokers/[id]/configs`]: {
    GET: { action: 'topic:view', resource: 'cluster' },
    PUT: { action: 'topic:edit-config', resource: 'cluster' },
  },

  [`${C}/acls`]: {
    GET: { action: 'acl:view', resource: 'cluster' },
    POST: { action: 'acl:edit', resource: 'cluster' },
    DELETE: { action: 'acl:edit', resource: 'cluster' },
  },

  [`${C}/schemas`]: { GET: { action: 'schema:view', resource: 'cluster' } },
  [`${C}/schemas/compatibility`]: {
    GET: { action: 'schema:view', resource: 'cluster' },
    PUT: { action: 'schema:edit', resource: 'cluster' },
  },
  [`${C}/schemas/topics/[topic]`]: { GET: { action: 'schema:view', resource: topic } },
  [`${C}/schemas/subjects/[subject]`]: {
    GET: { action: 'schema:view', resource: subject },
    DELETE: { action: 'schema:edit', resource: subject },
  },
  [`${C}/schemas/subjects/[subject]/versions`]: { POST: { action: 'schema:edit', resource: subject } },
  [`${C}/schemas/subjects/[subject]/versions/[version]`]: {
    GET: { action: 'schema:view', resource: subject },
    DELETE: { action: 'schema:edit', resource: subject },
  },
  [`${C}/schemas/subjects/[subject]/diff`]: { GET: { action: 'schema:view', resource: subject } },
  [`${C}/schemas/subjects/[subject]/compatibility`]: {
    GET: { action: 'schema:view', resource: subject },
    PUT: { action: 'schema:edit', resource: subject },
  },
  // Asks the registry whether a draft would be accepted; changes nothing.
  [`${C}/schemas/subjects/[subject]/compatibility/check`]: { POST: { action: 'schema:view', resource: subject, audit: false } },
};

export interface MatchedRoute {
  pattern: string;
  rule: RouteRule | null;
}

const compiled = Object.keys(ROUTE_PERMISSIONS)
  .map((pattern) => ({ pattern, segments: pattern.split('/').filter(Boolean) }))
  // Literal segments win over parameters where both match (…/offsets/reset over …/[group]).
  .sort((a, b) => b.segments.filter((s) => !s.startsWith('[')).length - a.segments.filter((s) => !s.startsWith('[')).length);

/** The table's entry for a request path (without any base path) and method; null: no such route. */
export function matchRoute(pathname: string, method: string): MatchedRoute | null {
  const parts = pathname.split('/').filter(Boolean);
  for (const { pattern, segments } of compiled) {
    if (segments.length !== parts.length) continue;
    if (segments.every((s, i) => s.startsWith('[') || s === parts[i])) {
      const m = (method === 'HEAD' ? 'GET' : method) as Method;
      return { pattern, rule: ROUTE_PERMISSIONS[pattern]![m] ?? null };
    }
  }
  return null;
}

/** Whether a request is written to the audit log: a mutation always (unless marked audit: false), a
 * read of messages by its kind and KAFSCOPE_AUDIT_READS (`reads`). */
export function isAudited(rule: RouteRule, method: string, reads: boolean): boolean {
  if ('public' in rule) return false;
  if (method !== 'GET' && method !== 'HEAD') return rule.audit !== false;
  return rule.audit === 'export' || (reads && (rule.audit === 'read' || rule.audit === 'read-stream'));
}

/** The action an audit entry names: the permission's, but messages:export for a download. */
export function auditedAction(rule: RouteRule): string | null {
  if (!('action' in rule)) return null;
  return rule.audit === 'export' ? 'messages:export' : rule.action;
}

/** A streamed answer, recorded again when it ends. */
export function isStreamedRead(rule: RouteRule): boolean {
  return 'action' in rule && (rule.audit === 'read-stream' || rule.audit === 'export');
}
