// Sessions as encrypted, expiring cookies (JWE, dir + A256GCM, via jose): the server keeps no session
// state, so every console instance given the same KAFSCOPE_SESSION_SECRET accepts the same cookie
// behind a load balancer. The cookie says who (and, for OpenID Connect, which groups) — never the
// roles themselves for built-in users, whose roles are read from the configuration on every request,
// so removing a user or a role takes effect at once. HttpOnly (no script reads it), SameSite=Lax (not
// sent on another site's POST), Secure when the browser reached us over TLS.
import 'server-only';
import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';

export const SESSION_COOKIE = 'kafscope_session';
/** The OpenID Connect login in progress: PKCE verifier, state, nonce and where to go back to. */
export const OIDC_COOKIE = 'kafscope_oidc';

export interface SessionClaims {
  sub: string;
  src: 'users' | 'oidc';
  /** OpenID Connect: the groups claim at login. */
  groups?: string[];
}

const keys = new WeakMap<Uint8Array, Uint8Array>();
function keyOf(secret: Uint8Array, purpose: string): Uint8Array {
  const cacheKey = secret;
  if (purpose === 'session' && keys.has(cacheKey)) return keys.get(cacheKey)!;
  const key = new Uint8Array(hkdfSync('sha256', secret, new Uint8Array(0), `kafscope ${purpose}`, 32));
  if (purpose === 'session') keys.set(cacheKey, key);
  return key;
}

export async function sealToken(secret: Uint8Array, purpose: string, payload: Record<string, unknown>, maxAgeS: number): Promise<string> {
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(`${maxAgeS}s`)
    .setAudience(`kafscope:${purpose}`)
    .encrypt(keyOf(secret, purpose));
}

/** The payload of a token this server sealed for `purpose` and that has not expired; null otherwise. */
export async function openToken(secret: Uint8Array, purpose: string, token: string): Promise<Record<string, unknown> | null> {
  try {
    const { payload } = await jwtDecrypt(token, keyOf(secret, purpose), { audience: `kafscope:${purpose}`, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    return payload as Record<string, unknown>;
  } catch {
    return null;
  }
}

export async function openSession(secret: Uint8Array, token: string): Promise<SessionClaims | null> {
  const p = await openToken(secret, 'session', token);
  if (!p || typeof p.sub !== 'string' || (p.src !== 'users' && p.src !== 'oidc')) return null;
  const groups = Array.isArray(p.groups) ? p.groups.filter((g): g is string => typeof g === 'string') : undefined;
  return { sub: p.sub, src: p.src, ...(groups && { groups }) };
}

export function readCookie(headers: Headers, name: string): string | null {
  const header = headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function cookieHeader(name: string, value: string, options: { maxAgeS: number; secure: boolean; path?: string }): string {
  return [`${name}=${value}`, `Path=${options.path ?? '/'}`, `Max-Age=${options.maxAgeS}`, 'HttpOnly', 'SameSite=Lax', ...(options.secure ? ['Secure'] : [])].join('; ');
}
