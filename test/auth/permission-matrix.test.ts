// The permission matrix: for every API route the table guards with an action, a user whose roles
// grant every action but that one gets 403 naming it, and a user whose only role grants just that
// one action succeeds. Every route of the table must have a fixture here, so a new route cannot join
// the table untested. Signed-in-only routes answer a signed-in user and refuse nobody with 401.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_PERMISSIONS, type RouteRule } from '../../lib/http/route-permissions';
import { ACTIONS, type Action } from '../../lib/schemas/permissions';
import { call, commitOffsets, createTopic, type Harness } from '../api/harness';
import { as, startAuthHarness } from './auth-harness';

const tag = (a: Action) => a.replace(':', '.');
let h: Harness;
let n = 0;
const fresh = (p: string) => `${p}-${++n}`;

beforeAll(async () => {
  const roles: Record<string, { grants: { actions: string[] }[] }> = {};
  const users: Record<string, string[]> = { viewer: ['viewer'] };
  for (const a of ACTIONS) {
    roles[`only-${tag(a)}`] = { grants: [{ actions: [a] }] };
    roles[`not-${tag(a)}`] = { grants: [{ actions: ACTIONS.filter((x) => x !== a) }] };
    users[`only-${tag(a)}`] = [`only-${tag(a)}`];
    users[`not-${tag(a)}`] = [`not-${tag(a)}`];
  }
  // Every switch on, so what refuses a request here is a permission, never a switch.
  h = await startAuthHarness({ roles, users, env: { ACL_EDIT_ENABLED: 'true', SCHEMA_EDIT_ENABLED: 'true' } });
  await createTopic(h, 'matrix', 2);
  await h.producer.send({ topic: 'matrix', messages: [{ partition: 0, key: 'k', value: '{"a":1}' }] });
  await commitOffsets(h, 'matrix-group', 'matrix', { 0: '1' });
}, 60_000);
afterAll(() => h?.close());

interface Fixture {
  params?: () => Promise<Record<string, string>> | Record<string, string>;
  query?: string;
  body?: (p: Record<string, string>) => unknown;
  /** The success status; a list when more than one means the check let the request through. */
  ok: number | number[];
}

const topic = { topic: 'matrix' };
async function newTopic() {
  const t = fresh('mx');
  await createTopic(h, t, 1);
  return { topic: t };
}
async function newGroup() {
  const g = fresh('mxg');
  await commitOffsets(h, g, 'matrix', { 0: '0' });
  return { group: g };
}

const ACL = { resourceType: 'TOPIC', resourceName: 'matrix', patternType: 'LITERAL', principal: 'User:alice', host: '*', operation: 'READ', permission: 'ALLOW' };
const SUBJECT = { subject: 'matrix-value' };

const C = '/api/clusters/[cluster]';
const FIXTURES: Record<string, Fixture> = {
  'GET /api/audit': { ok: 200 },
  [`GET ${C}/overview`]: { ok: 200 },
  [`GET ${C}/brokers/[id]`]: { params: () => ({ id: '0' }), ok: 200 },
  [`GET ${C}/topics`]: { ok: 200 },
  [`POST ${C}/topics`]: { body: () => ({ name: fresh('created'), partitions: 1, replicationFactor: 1 }), ok: 201 },
  [`GET ${C}/topics/[topic]`]: { params: () => topic, ok: 200 },
  [`DELETE ${C}/topics/[topic]`]: { params: newTopic, ok: 204 },
  [`PUT ${C}/topics/[topic]/configs`]: { params: newTopic, body: () => ({ configs: { 'cleanup.policy': 'compact' } }), ok: 200 },
  [`POST ${C}/topics/[topic]/partitions`]: { params: newTopic, body: () => ({ count: 2 }), ok: 200 },
  [`POST ${C}/topics/[topic]/records/delete`]: { params: newTopic, body: () => ({ all: true }), ok: 200 },
  [`GET ${C}/topics/[topic]/messages`]: { params: () => topic, query: '?from=earliest', ok: 200 },
  [`POST ${C}/topics/[topic]/messages`]: { params: () => topic, body: () => ({ value: 'hello' }), ok: 201 },
  [`GET ${C}/topics/[topic]/search`]: { params: () => topic, query: '?q=a', ok: 200 },
  [`GET ${C}/protobuf-descriptors`]: { ok: 200 },
  [`GET ${C}/groups`]: { ok: 200 },
  [`GET ${C}/groups/[group]`]: { params: () => ({ group: 'matrix-group' }), ok: 200 },
  [`DELETE ${C}/groups/[group]`]: { params: newGroup, ok: 204 },
  // No lag sampler runs in this harness: 503 (no history yet) is past the permission check.
  [`GET ${C}/groups/[group]/lag-history`]: { params: () => ({ group: 'matrix-group' }), ok: [200, 503] },
  [`POST ${C}/groups/[group]/offsets/preview`]: { params: () => ({ group: 'matrix-group' }), body: () => ({ mode: 'earliest' }), ok: 200 },
  [`POST ${C}/groups/[group]/offsets/reset`]: { params: newGroup, body: () => ({ mode: 'earliest' }), ok: 200 },
  [`POST ${C}/groups/[group]/offsets/delete`]: { params: newGroup, body: () => ({ topic: 'matrix' }), ok: 200 },
  [`GET ${C}/topics/[topic]/tail`]: { params: () => topic, ok: 200 },
  [`GET ${C}/topics/[topic]/export`]: { params: () => topic, query: '?format=ndjson', ok: 200 },
  // Past the table's messages:read the handler asks for messages:produce on the target, which a
  // user holding only messages:read lacks: the 403 then names that second permission.
  [`POST ${C}/topics/[topic]/replay`]: {
    params: () => topic,
    body: () => ({ select: { kind: 'range', partition: 0, fromOffset: '0', toOffset: '0' }, target: { topic: 'matrix' }, dryRun: true }),
    ok: 403,
  },
  [`GET ${C}/log-dirs`]: { ok: 200 },
  [`GET ${C}/brokers/[id]/configs`]: { params: () => ({ id: '0' }), ok: 200 },
  [`PUT ${C}/brokers/[id]/configs`]: { params: () => ({ id: '0' }), body: () => ({ configs: { 'log.retention.ms': null } }), ok: [200, 400] },
  // The harness's broker runs no authorizer: listing answers "not enabled", changes 409.
  [`GET ${C}/acls`]: { ok: 200 },
  [`POST ${C}/acls`]: { body: () => ({ bindings: [ACL] }), ok: 409 },
  [`DELETE ${C}/acls`]: { body: () => ({ bindings: [ACL] }), ok: 409 },
  // No schema registry in this harness: 404 "no registry" comes from the handler, past the check.
  [`GET ${C}/schemas`]: { ok: 404 },
  [`GET ${C}/schemas/compatibility`]: { ok: 404 },
  [`PUT ${C}/schemas/compatibility`]: { body: () => ({ level: 'FULL' }), ok: 404 },
  [`GET ${C}/schemas/topics/[topic]`]: { params: () => topic, ok: [200, 404] },
  [`GET ${C}/schemas/subjects/[subject]`]: { params: () => SUBJECT, ok: 404 },
  [`DELETE ${C}/schemas/subjects/[subject]`]: { params: () => SUBJECT, ok: 404 },
  [`POST ${C}/schemas/subjects/[subject]/versions`]: { params: () => SUBJECT, body: () => ({ schema: '"string"' }), ok: 404 },
  [`GET ${C}/schemas/subjects/[subject]/versions/[version]`]: { params: () => ({ ...SUBJECT, version: '1' }), ok: 404 },
  [`DELETE ${C}/schemas/subjects/[subject]/versions/[version]`]: { params: () => ({ ...SUBJECT, version: '1' }), ok: 404 },
  [`GET ${C}/schemas/subjects/[subject]/diff`]: { params: () => SUBJECT, query: '?from=1&to=2', ok: 404 },
  [`GET ${C}/schemas/subjects/[subject]/compatibility`]: { params: () => SUBJECT, ok: 404 },
  [`PUT ${C}/schemas/subjects/[subject]/compatibility`]: { params: () => SUBJECT, body: () => ({ level: 'FULL' }), ok: 404 },
  [`POST ${C}/schemas/subjects/[subject]/compatibility/check`]: { params: () => SUBJECT, body: () => ({ schema: '"string"' }), ok: 404 },
};

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function handlerOf(pattern: string, method: string): Promise<Handler> {
  const mod = (await import(join(__dirname, '../../app', pattern, 'route.ts'))) as Record<string, Handler>;
  return mod[method]!;
}

const entries = Object.entries(ROUTE_PERMISSIONS).flatMap(([pattern, methods]) =>
  Object.entries(methods).map(([method, rule]) => ({ pattern, method, rule: rule as RouteRule })),
);
const guarded = entries.filter((e) => 'action' in e.rule) as { pattern: string; method: string; rule: Extract<RouteRule, { action: Action }> }[];

async function run(e: (typeof guarded)[number], f: Fixture, user: string | null) {
  const params = { ...(await f.params?.()) };
  const path = e.pattern.replace('[cluster]', 'test').replace(/\[(\w+)\]/g, (_, k: string) => encodeURIComponent(params[k] ?? 'x')) + (f.query ?? '');
  const handler = await handlerOf(e.pattern, e.method);
  const headers = user ? (await as(user)).headers : {};
  return call(handler, path, params, { method: e.method, ...(f.body && { body: f.body(params) }), headers });
}

describe('permission matrix', () => {
  it('has a fixture for every guarded route', () => {
    for (const e of guarded) expect(FIXTURES[`${e.method} ${e.pattern}`], `${e.method} ${e.pattern}`).toBeDefined();
  });

  it.each(guarded.map((e) => [`${e.method} ${e.pattern}`, e] as const))('%s: 403 without its permission, success with only it', async (_name, e) => {
    const f = FIXTURES[`${e.method} ${e.pattern}`]!;
    const denied = await run(e, f, `not-${tag(e.rule.action)}`);
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toBe('application/problem+json');
    expect(denied.body.permission).toBe(e.rule.action);
    expect(denied.body.detail).toContain(e.rule.action);

    const anonymous = await run(e, f, null);
    expect(anonymous.status).toBe(401);

    const allowed = await run(e, f, `only-${tag(e.rule.action)}`);
    const ok = Array.isArray(f.ok) ? f.ok : [f.ok];
    if (!ok.includes(allowed.status)) console.error(allowed.body);
    expect(ok).toContain(allowed.status);
    await allowed.response.body?.cancel().catch(() => undefined);
  });

  it.each(entries.filter((e) => 'signedIn' in e.rule).map((e) => [`${e.method} ${e.pattern}`, e] as const))('%s: any signed-in user, nobody else', async (_name, e) => {
    const handler = await handlerOf(e.pattern, e.method);
    const path = e.pattern.replace('[cluster]', 'test');
    expect((await call(handler, path, {})).status).toBe(401);
    expect((await call(handler, path, {}, await as('only-audit.view'))).status).toBe(200);
  });

  it('a signed-in user whose name is no longer configured is nobody', async () => {
    const handler = await handlerOf(`${C}/topics`, 'GET');
    expect((await call(handler, '/api/clusters/test/topics', {}, await as('removed-user'))).status).toBe(401);
  });
});
