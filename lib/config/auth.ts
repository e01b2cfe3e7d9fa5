// Who may use the console: KAFSCOPE_AUTH=none|users|oidc, the built-in users, the roles, masking
// rules, OpenID Connect and the session secret, read once at start-up from the variables and the
// configuration file's `auth:` block (auth-from-file.ts) and checked as a whole. A mistake stops
// start-up naming the variable or file line; a secret (a password hash, the client secret, the
// session secret) is never part of a message.
//
// Why "none" needs saying out loud off loopback: a console anyone on the network can reach, with no
// login, can purge topics (a publicly reachable kafka-ui was taken over within hours). On 127.0.0.1
// only this machine's users reach it, which is today's behaviour; on 0.0.0.0 the operator must write
// KAFSCOPE_AUTH=none, and the UI then shows an "open access" badge.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parsePasswordHash, type ParsedHash } from '../auth/password';
import { BUILT_IN_ROLES, type Role } from './auth-roles';
import { MaskingSchema, OidcSchema, ROLE_NAME, RolesSchema, USER_NAME, type AuthFile } from './auth-schema';
import { ConfigError, readJson, type Env } from './errors';
import { LOOPBACK_NAMES } from './host-names';

export type AuthMode = 'none' | 'users' | 'oidc';

export interface BuiltInUser {
  name: string;
  hash: ParsedHash;
  roles: string[];
}

export type MaskRule = z.infer<typeof MaskingSchema>[number];

export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string | null;
  scopes: string;
  groupsClaim: string;
  groupRoles: Record<string, string[]>;
  defaultRoles: string[];
}

export interface AuthConfig {
  mode: AuthMode;
  /** Auth none although the console listens beyond loopback (KAFSCOPE_AUTH=none said so). */
  openAccess: boolean;
  users: Map<string, BuiltInUser>;
  roles: Map<string, Role>;
  masking: MaskRule[];
  oidc: OidcConfig | null;
  session: {
    /** 32 bytes: the key of the encrypted session cookie. */
    secret: Uint8Array;
    /** Made up at start-up: sessions end with the process and other instances reject them. */
    generated: boolean;
    maxAgeS: number;
  };
  /** Failed logins allowed per user and per address within windowMs before waiting lockMs. */
  throttle: { failures: number; windowMs: number; lockMs: number };
}

/** Where the file's auth block came from, so its mistakes name a line. */
export interface AuthFileSource {
  data: AuthFile;
  at(path: (string | number)[]): string;
}

export function readAuth(env: Env, file: AuthFileSource | null): AuthConfig {
  const roles = readRoles(env, file);
  const users = readUsers(env, file, roles);
  const oidc = readOidc(env, file, roles);
  const masking = readMasking(env, file, roles);
  const mode = readMode(env, file, users, oidc);
  const loopback = listensOnLoopback(env);
  if (mode.value === 'none' && !loopback && !mode.explicit) {
    throw new ConfigError('KAFSCOPE_AUTH', 'is required when the console listens beyond loopback (HOST/HOSTNAME): choose users or oidc, or write none to accept that anyone who reaches the port may do everything');
  }
  return {
    mode: mode.value,
    openAccess: mode.value === 'none' && !loopback,
    users,
    roles,
    masking,
    oidc: mode.value === 'oidc' ? oidc : null,
    session: readSession(env),
    throttle: { failures: 5, windowMs: 15 * 60_000, lockMs: 30_000 },
  };
}

/** HOST is what `npm start` and the image listen on; HOSTNAME is what Next's server binds (behind
 * the HTTPS front it is loopback while HOST is public). Loopback only if every one given is. */
function listensOnLoopback(env: Env): boolean {
  const given = [env.HOST, env.HOSTNAME].map((h) => h?.trim().toLowerCase()).filter((h): h is string => !!h);
  return given.every((host) => (LOOPBACK_NAMES as readonly string[]).includes(host) || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host));
}

function readMode(env: Env, file: AuthFileSource | null, users: Map<string, BuiltInUser>, oidc: OidcConfig | null): { value: AuthMode; explicit: boolean } {
  const raw = env.KAFSCOPE_AUTH?.trim().toLowerCase();
  let value: AuthMode;
  let where = 'KAFSCOPE_AUTH';
  if (raw) {
    if (raw !== 'none' && raw !== 'users' && raw !== 'oidc') throw new ConfigError('KAFSCOPE_AUTH', 'must be none, users or oidc');
    value = raw;
  } else if (file?.data.mode) {
    value = file.data.mode;
    where = file.at(['auth', 'mode']);
  } else {
    // Unset: whatever is configured, else none.
    return { value: oidc ? 'oidc' : users.size > 0 ? 'users' : 'none', explicit: false };
  }
  if (value === 'users' && users.size === 0) throw new ConfigError(where, 'is users, but no user is configured (KAFSCOPE_USERS or auth.users in the file)');
  if (value === 'oidc' && !oidc) throw new ConfigError(where, 'is oidc, but KAFSCOPE_OIDC_ISSUER (or auth.oidc in the file) is not set');
  return { value, explicit: true };
}

/** A JSON variable of the auth settings, checked by `schema`. */
function parseJsonVariable<S extends z.ZodType>(env: Env, name: string, schema: S): z.infer<S> | undefined {
  return readJson(env, name, schema, 'must be JSON (see README, Access control)');
}

function readRoles(env: Env, file: AuthFileSource | null): Map<string, Role> {
  const roles = new Map(Object.entries(BUILT_IN_ROLES));
  for (const [name, r] of Object.entries(file?.data.roles ?? {})) roles.set(name, { name, grants: r.grants });
  for (const [name, r] of Object.entries(parseJsonVariable(env, 'KAFSCOPE_ROLES', RolesSchema) ?? {})) roles.set(name, { name, grants: r.grants });
  return roles;
}

function checkRoles(list: string[], roles: Map<string, Role>, where: string): void {
  const unknown = list.find((r) => !roles.has(r));
  if (unknown) throw new ConfigError(where, `names the role "${unknown}", which is neither built in (${Object.keys(BUILT_IN_ROLES).join(', ')}) nor configured`);
}

/** KAFSCOPE_USERS: `name:hash:role+role,name:hash:role`. */
function readUsers(env: Env, file: AuthFileSource | null, roles: Map<string, Role>): Map<string, BuiltInUser> {
  const users = new Map<string, BuiltInUser>();
  const add = (name: string, hashText: string, userRoles: string[], where: string) => {
    if (!USER_NAME.test(name)) throw new ConfigError(where, 'has a user name that is not valid (letters, digits, _ . @ -)');
    if (users.has(name)) throw new ConfigError(where, `configures the user "${name}" twice`);
    const hash = parsePasswordHash(hashText);
    if (!hash) throw new ConfigError(where, `has a password hash for "${name}" that is not one npm run hash-password makes`);
    checkRoles(userRoles, roles, where);
    users.set(name, { name, hash, roles: userRoles });
  };
  (file?.data.users ?? []).forEach((u, i) => add(u.name, u.passwordHash, u.roles, file!.at(['auth', 'users', i])));
  const raw = env.KAFSCOPE_USERS?.trim();
  if (raw) {
    raw.split(',').map((s) => s.trim()).filter(Boolean).forEach((entry, i) => {
      const parts = entry.split(':');
      const where = `KAFSCOPE_USERS`;
      if (parts.length !== 3) throw new ConfigError(where, `entry ${i + 1} must be name:hash:roles (roles joined by +)`);
      const userRoles = parts[2]!.split('+').map((r) => r.trim());
      if (userRoles.some((r) => !ROLE_NAME.test(r))) throw new ConfigError(where, `entry ${i + 1} has a role name that is not valid`);
      add(parts[0]!.trim(), parts[1]!.trim(), userRoles, where);
    });
  }
  return users;
}

function readOidc(env: Env, file: AuthFileSource | null, roles: Map<string, Role>): OidcConfig | null {
  const issuerVar = env.KAFSCOPE_OIDC_ISSUER?.trim();
  let data: z.infer<typeof OidcSchema> | undefined = file?.data.oidc;
  let where = (path: string) => file!.at(['auth', 'oidc', path]);
  if (issuerVar) {
    const parsed = OidcSchema.safeParse({
      issuer: issuerVar,
      clientId: env.KAFSCOPE_OIDC_CLIENT_ID?.trim() ?? '',
      clientSecret: env.KAFSCOPE_OIDC_CLIENT_SECRET || undefined,
      scopes: env.KAFSCOPE_OIDC_SCOPES?.trim() || undefined,
      groupsClaim: env.KAFSCOPE_OIDC_GROUPS_CLAIM?.trim() || undefined,
      groupRoles: readGroupRoles(env),
      defaultRoles: env.KAFSCOPE_OIDC_DEFAULT_ROLES?.trim() ? env.KAFSCOPE_OIDC_DEFAULT_ROLES.split('+').map((s) => s.trim()) : undefined,
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]!.path[0] ?? '');
      const variable = { clientId: 'KAFSCOPE_OIDC_CLIENT_ID', clientSecret: 'KAFSCOPE_OIDC_CLIENT_SECRET', defaultRoles: 'KAFSCOPE_OIDC_DEFAULT_ROLES', groupRoles: 'KAFSCOPE_OIDC_ROLE_MAP' }[field] ?? 'KAFSCOPE_OIDC_ISSUER';
      throw new ConfigError(variable, parsed.error.issues[0]!.message);
    }
    data = parsed.data;
    where = (path: string) => ({ issuer: 'KAFSCOPE_OIDC_ISSUER', groupRoles: 'KAFSCOPE_OIDC_ROLE_MAP', defaultRoles: 'KAFSCOPE_OIDC_DEFAULT_ROLES' })[path] ?? 'KAFSCOPE_OIDC_ISSUER';
  }
  if (!data) return null;
  let issuer: URL;
  try {
    issuer = new URL(data.issuer);
  } catch {
    throw new ConfigError(where('issuer'), 'must be the issuer URL (https://...)');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && loopback)) throw new ConfigError(where('issuer'), 'must be an https:// URL (http:// only on loopback)');
  for (const [group, list] of Object.entries(data.groupRoles)) checkRoles(list, roles, `${where('groupRoles')} (${group.slice(0, 100)})`);
  checkRoles(data.defaultRoles, roles, where('defaultRoles'));
  return { ...data, issuer, clientSecret: data.clientSecret ?? null };
}

/** KAFSCOPE_OIDC_ROLE_MAP: `group=role+role,group=role`. */
function readGroupRoles(env: Env): Record<string, string[]> | undefined {
  const raw = env.KAFSCOPE_OIDC_ROLE_MAP?.trim();
  if (!raw) return undefined;
  const out: Record<string, string[]> = {};
  for (const entry of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = entry.lastIndexOf('=');
    if (eq <= 0) throw new ConfigError('KAFSCOPE_OIDC_ROLE_MAP', 'must be group=role+role, entries separated by commas');
    out[entry.slice(0, eq).trim()] = entry.slice(eq + 1).split('+').map((s) => s.trim());
  }
  return out;
}

function readMasking(env: Env, file: AuthFileSource | null, roles: Map<string, Role>): MaskRule[] {
  const fromFile = (file?.data.masking ?? []).map((rule, i) => {
    checkRoles(rule.unmaskedRoles, roles, file!.at(['auth', 'masking', i, 'unmaskedRoles']));
    return rule;
  });
  const fromEnv = parseJsonVariable(env, 'KAFSCOPE_MASKING', MaskingSchema) ?? [];
  for (const rule of fromEnv) checkRoles(rule.unmaskedRoles, roles, 'KAFSCOPE_MASKING');
  return [...fromFile, ...fromEnv];
}

/** One made-up secret per process: every reading of the configuration in it agrees. */
const generatedKey = Symbol.for('kafscope.session.generated');
function processSecret(): Uint8Array {
  const g = globalThis as unknown as Record<symbol, Uint8Array | undefined>;
  return (g[generatedKey] ??= new Uint8Array(randomBytes(32)));
}

function readSession(env: Env): AuthConfig['session'] {
  const raw = env.KAFSCOPE_SESSION_SECRET;
  const hoursRaw = env.KAFSCOPE_SESSION_HOURS?.trim();
  let hours = 8;
  if (hoursRaw) {
    if (!/^\d{1,4}$/.test(hoursRaw) || Number(hoursRaw) < 1 || Number(hoursRaw) > 720) throw new ConfigError('KAFSCOPE_SESSION_HOURS', 'must be a whole number of hours between 1 and 720');
    hours = Number(hoursRaw);
  }
  if (raw === undefined || raw.trim() === '') return { secret: processSecret(), generated: true, maxAgeS: hours * 3600 };
  if (raw.length < 32) throw new ConfigError('KAFSCOPE_SESSION_SECRET', 'must be at least 32 characters (for example: openssl rand -base64 32)');
  return { secret: new Uint8Array(Buffer.from(raw, 'utf8')), generated: false, maxAgeS: hours * 3600 };
}
