// Auth settings at start-up: auth none needs saying off loopback, users need a hash made by
// hash-password and known roles, the file's auth block names its line, secrets never appear in
// messages, TLS files come in pairs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, parsePasswordHash, verifyPassword } from '../auth/password';
import { loadAppConfig } from './console-config';

let HASH = '';
beforeAll(async () => {
  HASH = await hashPassword('correct horse battery');
});

const base = { KAFKA_BROKERCONNECT: 'k:9092' };
const fails = (env: Record<string, string>) => {
  try {
    loadAppConfig({ ...base, ...env });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('loaded');
};

describe('KAFSCOPE_AUTH', () => {
  it('none is the default on loopback only', () => {
    expect(loadAppConfig({ ...base, HOST: '127.0.0.1' }).auth).toMatchObject({ mode: 'none', openAccess: false });
    expect(fails({ HOST: '0.0.0.0' })).toMatch(/^KAFSCOPE_AUTH: is required when the console listens beyond loopback/);
    // Behind the HTTPS front Next binds loopback, but HOST is what users reach.
    expect(fails({ HOST: '0.0.0.0', HOSTNAME: '127.0.0.1' })).toMatch(/^KAFSCOPE_AUTH/);
    expect(loadAppConfig({ ...base, HOST: '0.0.0.0', KAFSCOPE_AUTH: 'none' }).auth).toMatchObject({ mode: 'none', openAccess: true });
  });

  it('users: name:hash:roles, checked', () => {
    const auth = loadAppConfig({ ...base, HOST: '0.0.0.0', KAFSCOPE_USERS: `ann:${HASH}:admin,bob:${HASH}:viewer+operator` }).auth;
    expect(auth.mode).toBe('users');
    expect([...auth.users.values()].map((u) => [u.name, u.roles])).toEqual([['ann', ['admin']], ['bob', ['viewer', 'operator']]]);
    const bad = fails({ KAFSCOPE_USERS: 'ann:plaintext-password:admin' });
    expect(bad).toMatch(/^KAFSCOPE_USERS: has a password hash for "ann" that is not one npm run hash-password makes/);
    expect(bad).not.toContain('plaintext-password');
    expect(fails({ KAFSCOPE_USERS: `ann:${HASH}:wizard` })).toMatch(/role "wizard"/);
    expect(fails({ KAFSCOPE_AUTH: 'users' })).toMatch(/no user is configured/);
    expect(fails({ KAFSCOPE_AUTH: 'ldap' })).toMatch(/^KAFSCOPE_AUTH: must be none, users or oidc/);
  });

  it('roles and masking as JSON; a grant with a wrong action is named', () => {
    const auth = loadAppConfig({ ...base, KAFSCOPE_ROLES: '{"auditor":{"grants":[{"actions":["audit:view"],"clusters":["prod"]}]}}', KAFSCOPE_MASKING: '[{"topics":["payments.*"],"fields":["card"]}]' }).auth;
    expect(auth.roles.get('auditor')!.grants).toEqual([{ actions: ['audit:view'], clusters: ['prod'], resources: ['*'] }]);
    expect(auth.masking).toEqual([{ clusters: ['*'], topics: ['payments.*'], fields: ['card'], unmaskedRoles: ['admin'] }]);
    expect(fails({ KAFSCOPE_ROLES: '{"x":{"grants":[{"actions":["topic:burn"]}]}}' })).toMatch(/^KAFSCOPE_ROLES: x\.grants\.0\.actions\.0: must be an action/);
    expect(fails({ KAFSCOPE_ROLES: '{"x":{"grants":[{"actions":["*"],"resources":["/(/"]}]}}' })).toMatch(/not a valid pattern/);
  });

  it('oidc: issuer https (http on loopback only), client id, role map', () => {
    const auth = loadAppConfig({ ...base, KAFSCOPE_OIDC_ISSUER: 'https://id.example.com', KAFSCOPE_OIDC_CLIENT_ID: 'kafscope', KAFSCOPE_OIDC_CLIENT_SECRET: 'shh-very-secret', KAFSCOPE_OIDC_ROLE_MAP: 'ops=operator,kafka-admins=admin+viewer' }).auth;
    expect(auth.mode).toBe('oidc');
    expect(auth.oidc).toMatchObject({ clientId: 'kafscope', groupsClaim: 'groups', groupRoles: { ops: ['operator'], 'kafka-admins': ['admin', 'viewer'] } });
    expect(fails({ KAFSCOPE_OIDC_ISSUER: 'http://id.example.com', KAFSCOPE_OIDC_CLIENT_ID: 'k' })).toMatch(/^KAFSCOPE_OIDC_ISSUER: must be an https/);
    expect(fails({ KAFSCOPE_OIDC_ISSUER: 'https://id.example.com', KAFSCOPE_OIDC_CLIENT_ID: 'k', KAFSCOPE_OIDC_ROLE_MAP: 'ops=root' })).toMatch(/^KAFSCOPE_OIDC_ROLE_MAP/);
    const noSecret = fails({ KAFSCOPE_OIDC_ISSUER: 'https://id.example.com', KAFSCOPE_OIDC_CLIENT_SECRET: 'shh-very-secret' });
    expect(noSecret).toMatch(/^KAFSCOPE_OIDC_CLIENT_ID/);
    expect(noSecret).not.toContain('shh-very-secret');
  });

  it('the session secret: at least 32 characters, else one made up per process', () => {
    expect(fails({ KAFSCOPE_SESSION_SECRET: 'short' })).toMatch(/^KAFSCOPE_SESSION_SECRET: must be at least 32/);
    const a = loadAppConfig(base).auth.session;
    const b = loadAppConfig(base).auth.session;
    expect(a.generated).toBe(true);
    expect(a.secret).toEqual(b.secret);
  });

  it('the file’s auth block, with the line of a mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafscope-auth-'));
    const file = join(dir, 'c.yaml');
    const lines = ['clusters:', '  - name: prod', '    bootstrapServers: k:1', 'auth:', '  users:', '    - name: ann', `      passwordHash: ${HASH}`, '      roles: [admin]', '  roles:', '    reader:', '      grants:', '        - actions: [topic:view]', '          resources: [shop.*]'];
    writeFileSync(file, lines.join('\n'));
    const auth = loadAppConfig({ KAFSCOPE_CONFIG: file, HOST: '0.0.0.0' }).auth;
    expect(auth.mode).toBe('users');
    expect(auth.roles.get('reader')!.grants[0]!.resources).toEqual(['shop.*']);
    writeFileSync(file, [...lines.slice(0, 11), '        - action: [topic:view]'].join('\n'));
    expect(() => loadAppConfig({ KAFSCOPE_CONFIG: file })).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:12: auth\\.roles\\.reader\\.grants\\[0\\]\\.action`));
  });
});

describe('console TLS', () => {
  it('needs both files; then mutations are accepted from https loopback origins', () => {
    expect(fails({ KAFSCOPE_TLS_CERT: '/c.pem' })).toMatch(/^KAFSCOPE_TLS_KEY: must be set together/);
    const edge = loadAppConfig({ ...base, KAFSCOPE_TLS_CERT: '/c.pem', KAFSCOPE_TLS_KEY: '/k.pem', SERVER_PORT: '9443' }).edge;
    expect(edge.servedOverTls).toBe(true);
    expect(edge.allowedOrigins).toContain('https://localhost:9443');
  });
});

describe('password hashes', () => {
  it('verify the right password only, and carry their parameters', async () => {
    const parsed = parsePasswordHash(HASH)!;
    expect(parsed).toMatchObject({ N: 16384, r: 8, p: 1 });
    expect(await verifyPassword('correct horse battery', parsed)).toBe(true);
    expect(await verifyPassword('correct horse batterY', parsed)).toBe(false);
    expect(HASH).not.toBe(await hashPassword('correct horse battery'));
    expect(parsePasswordHash('scrypt.1048576.64.1.aaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb')).toBeNull();
  });
});
