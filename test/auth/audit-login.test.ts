// The audit trail and sign-in: every mutation leaves exactly one entry with the right user and
// result (refused and failed ones too); sign-ins are recorded and failed ones throttled per user and
// per address; the session cookie is HttpOnly, SameSite=Lax, expiring, and opens only with the secret.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createTopicRoute } from '../../app/api/clusters/[cluster]/topics/route';
import { DELETE as deleteTopicRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/route';
import { POST as produceRoute } from '../../app/api/clusters/[cluster]/topics/[topic]/messages/route';
import { GET as auditRoute } from '../../app/api/audit/route';
import { POST as loginRoute } from '../../app/api/auth/login/route';
import { POST as logoutRoute } from '../../app/api/auth/logout/route';
import { GET as meRoute } from '../../app/api/me/route';
import { openSession } from '../../lib/auth/session';
import { LoginThrottle } from '../../lib/auth/throttle';
import { currentConsoleConfig } from '../../lib/config';
import { AuditListSchema, type AuditEntry } from '../../lib/schemas/audit';
import { call, createTopic, type Harness } from '../api/harness';
import { as, startAuthHarness } from './auth-harness';

let h: Harness;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  h = await startAuthHarness({
    roles: { producer: { grants: [{ actions: ['topic:view', 'messages:produce', 'topic:create'] }] }, auditor: { grants: [{ actions: ['audit:view'], clusters: ['test'] }] } },
    users: { pat: ['producer'], olga: ['operator'], ada: ['auditor'], root: ['admin'] },
  }, PASSWORD);
  await createTopic(h, 'audited', 1);
}, 60_000);
afterAll(() => h?.close());

function entries(): AuditEntry[] {
  const file = currentConsoleConfig().audit.file;
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEntry);
}

describe('audit trail', () => {
  it('every mutation leaves one entry with user, address, resource, parameters and result', async () => {
    const before = entries().length;
    const headers = { ...(await as('pat')).headers, 'x-forwarded-for': '203.0.113.7' };
    const created = await call(createTopicRoute, '/api/clusters/test/topics', {}, { method: 'POST', body: { name: 'by-pat', partitions: 1, replicationFactor: 1 }, headers });
    expect(created.status).toBe(201);
    const produced = await call(produceRoute, '/api/clusters/test/topics/audited/messages', { topic: 'audited' }, { method: 'POST', body: { key: 'k', value: 'a secret payload', headers: [{ key: 'h', value: 'v' }] }, headers });
    expect(produced.status).toBe(201);
    const failed = await call(createTopicRoute, '/api/clusters/test/topics', {}, { method: 'POST', body: { name: 'by-pat', partitions: 1, replicationFactor: 1 }, headers });
    expect(failed.status).toBe(409);
    const refused = await call(deleteTopicRoute, '/api/clusters/test/topics/audited', { topic: 'audited' }, { method: 'DELETE', headers });
    expect(refused.status).toBe(403);
    const anonymous = await call(deleteTopicRoute, '/api/clusters/test/topics/audited', { topic: 'audited' }, { method: 'DELETE' });
    expect(anonymous.status).toBe(401);

    const added = entries().slice(before);
    expect(added).toHaveLength(5);
    expect(added.map((e) => [e.user, e.action, e.resource, e.result.status, e.result.ok])).toEqual([
      ['pat', 'topic:create', 'by-pat', 201, true],
      ['pat', 'messages:produce', 'audited', 201, true],
      ['pat', 'topic:create', 'by-pat', 409, false],
      ['pat', 'topic:delete', 'audited', 403, false],
      [null, 'topic:delete', 'audited', 401, false],
    ]);
    expect(added[0]).toMatchObject({ cluster: 'test', address: '203.0.113.7', method: 'POST', params: { name: 'by-pat', partitions: 1 } });
    // Payloads only by size.
    expect(added[1]!.params).toMatchObject({ key: { bytes: 1 }, value: { bytes: 16 }, headers: { items: 1 } });
    expect(JSON.stringify(added[1])).not.toContain('secret payload');
    expect(added[2]!.result.detail).toContain('already exists');
  });

  it('reads do not leave entries', async () => {
    const before = entries().length;
    await call(meRoute, '/api/me', {}, await as('pat'));
    expect(entries().length).toBe(before);
  });

  it('the audit API filters by user, action and result, for audit:view only', async () => {
    const q = (qs: string) => call(auditRoute, `/api/audit${qs}`, {}, { headers: {} }).then(async (r) => r);
    expect((await q('')).status).toBe(401);
    expect((await call(auditRoute, '/api/audit', {}, await as('pat'))).status).toBe(403);
    const mine = AuditListSchema.parse((await call(auditRoute, '/api/audit?user=pat&action=topic:create', {}, await as('ada'))).body);
    expect(mine.entries.map((e) => e.result.status)).toEqual([409, 201]);
    const failed = AuditListSchema.parse((await call(auditRoute, '/api/audit?user=pat&result=failed', {}, await as('ada'))).body);
    expect(failed.entries.every((e) => !e.result.ok)).toBe(true);
    expect(failed.entries).toHaveLength(2);
    const future = AuditListSchema.parse((await call(auditRoute, `/api/audit?from=${Date.now() + 60_000}`, {}, await as('ada'))).body);
    expect(future.entries).toEqual([]);
  });
});

describe('sign-in', () => {
  const login = (user: string, password: string, address = '198.51.100.1') =>
    call(loginRoute, '/api/auth/login', {}, { method: 'POST', body: { user, password }, headers: { 'x-forwarded-for': address } });

  it('sets an HttpOnly, SameSite=Lax, expiring cookie that opens with the secret only', async () => {
    const r = await login('olga', PASSWORD);
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^kafscope_session=[^;]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Lax$/);
    const token = /^kafscope_session=([^;]+)/.exec(cookie)![1]!;
    expect(await openSession(currentConsoleConfig().auth.session.secret, token)).toMatchObject({ sub: 'olga', src: 'users' });
    expect(await openSession(new TextEncoder().encode('another-secret-of-another-console-0000'), token)).toBeNull();
    // A sealed token tells nothing without the key.
    expect(Buffer.from(token.split('.')[3] ?? '', 'base64url').toString('utf8')).not.toContain('olga');
    const me = await call(meRoute, '/api/me', {}, { headers: { cookie: `kafscope_session=${token}` } });
    expect(me.body).toMatchObject({ user: 'olga', roles: ['operator'] });
    const out = await call(logoutRoute, '/api/auth/logout', {}, { method: 'POST', body: {}, headers: { cookie: `kafscope_session=${token}` } });
    expect(out.headers.get('set-cookie')).toMatch(/^kafscope_session=; Path=\/; Max-Age=0/);
  });

  it('a wrong password is 401, the same as an unknown user, and recorded', async () => {
    const wrong = await login('root', 'not the password', '198.51.100.2');
    const unknown = await login('nobody', 'not the password', '198.51.100.2');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(entries().filter((e) => e.action === 'login' && e.user === 'root' && !e.result.ok).length).toBeGreaterThanOrEqual(1);
  });

  it('is throttled per user after five failures, even with the right password then', async () => {
    for (let i = 0; i < 5; i++) expect((await login('pat', `wrong-${i}`, `192.0.2.${i}`)).status).toBe(401);
    const locked = await login('pat', PASSWORD, '192.0.2.99');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user from another address is not held up.
    expect((await login('ada', PASSWORD, '192.0.2.100')).status).toBe(200);
  });

  it('is throttled per address across user names', async () => {
    for (let i = 0; i < 5; i++) expect((await login(`guess-${i}`, 'x', '203.0.113.50')).status).toBe(401);
    expect((await login('olga', PASSWORD, '203.0.113.50')).status).toBe(429);
    expect((await login('olga', PASSWORD, '203.0.113.51')).status).toBe(200);
  });
});

describe('LoginThrottle', () => {
  it('locks after the limit within the window, for longer each time, and forgets old failures', () => {
    let now = 0;
    const t = new LoginThrottle({ failures: 3, windowMs: 1000, lockMs: 100 }, () => now);
    t.fail('u', 'a');
    now = 2000; // outside the window: forgotten
    t.fail('u', 'a');
    t.fail('u', 'a');
    expect(t.waitMs('u', 'b')).toBe(0);
    t.fail('u', 'a');
    expect(t.waitMs('u', 'b')).toBe(100);
    now += 100;
    expect(t.waitMs('u', 'b')).toBe(0);
    for (let i = 0; i < 3; i++) t.fail('u', 'c');
    expect(t.waitMs('u', 'z')).toBe(200);
    t.succeed('u');
    expect(t.waitMs('u', 'z')).toBe(0);
  });
});
