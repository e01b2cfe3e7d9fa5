// Signing in with a built-in user, signing out, and "who am I". The password is checked only after
// the throttle allows the attempt (so guessing costs nothing but waiting); an unknown user costs the
// same scrypt as a known one; every attempt, failed or not, goes to the audit trail (never the
// password). The answer to a wrong name and to a wrong password is the same.
import 'server-only';
import type { z } from 'zod/mini';
import { appendAudit } from '../../audit/audit-log';
import { BASE_PATH } from '../../common/base-path';
import { decoyHash, verifyPassword } from '../../auth/password';
import type { Principal } from '../../auth/principal';
import { SESSION_COOKIE, cookieHeader, sealToken } from '../../auth/session';
import { LoginThrottle } from '../../auth/throttle';
import { currentConsoleConfig, type ConsoleConfig } from '../../config';
import { LoginRequestSchema, type Me } from '../../schemas/permissions';
import { clientAddress } from '../client-address';
import { assertSameOrigin } from '../guard';
import { HttpProblem, badRequest } from '../problem';
import { requestSite } from '../request-site';

export { LoginRequestSchema };

const throttleKey = Symbol.for('kafscope.login.throttle');
function throttle(config: ConsoleConfig): LoginThrottle {
  const g = globalThis as unknown as Record<symbol, LoginThrottle | undefined>;
  return (g[throttleKey] ??= new LoginThrottle(config.auth.throttle));
}

export function auditAuth(request: Request, user: string | null, action: string, status: number, detail?: string): void {
  const config = currentConsoleConfig();
  appendAudit(config.audit, {
    time: new Date().toISOString(),
    user,
    address: clientAddress(request.headers, config.edge),
    cluster: null,
    action,
    resource: user,
    method: request.method,
    path: new URL(request.url).pathname,
    result: { ok: status < 400, status, ...(detail && { detail }) },
  });
}

export function sessionCookie(request: Request, token: string, maxAgeS: number): string {
  const config = currentConsoleConfig();
  return cookieHeader(SESSION_COOKIE, token, { maxAgeS, secure: requestSite(request.headers, config.edge).tls, path: BASE_PATH || '/' });
}

export async function login(request: Request, body: z.infer<typeof LoginRequestSchema>): Promise<Response> {
  const config = currentConsoleConfig();
  if (config.auth.mode !== 'users') throw badRequest(`This console signs in with ${config.auth.mode === 'oidc' ? 'OpenID Connect' : 'no login at all'}, not with a password.`);
  assertSameOrigin(request, config.edge.allowedOrigins);
  const address = clientAddress(request.headers, config.edge) ?? 'unknown';
  const limiter = throttle(config);
  const wait = limiter.waitMs(body.user, address);
  if (wait > 0) {
    auditAuth(request, body.user, 'login', 429, 'throttled');
    const seconds = Math.ceil(wait / 1000);
    const problem = new HttpProblem(429, 'Too many failed sign-ins', `Try again in ${seconds} s.`).toProblem();
    return new Response(JSON.stringify(problem), { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': String(seconds), 'cache-control': 'no-store' } });
  }
  const user = config.auth.users.get(body.user);
  const good = await verifyPassword(body.password, user?.hash ?? (await decoyHash()));
  if (!user || !good) {
    limiter.fail(body.user, address);
    auditAuth(request, body.user, 'login', 401, 'wrong user name or password');
    throw new HttpProblem(401, 'Sign-in failed', 'The user name or the password is wrong.');
  }
  limiter.succeed(body.user);
  auditAuth(request, user.name, 'login', 200);
  const token = await sealToken(config.auth.session.secret, 'session', { sub: user.name, src: 'users' }, config.auth.session.maxAgeS);
  return new Response(JSON.stringify({ user: user.name }), {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'set-cookie': sessionCookie(request, token, config.auth.session.maxAgeS) },
  });
}

export function logout(request: Request, principal: Principal): Response {
  auditAuth(request, principal.user, 'logout', 200);
  return new Response(JSON.stringify({ ok: true }), {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'set-cookie': sessionCookie(request, '', 0) },
  });
}

export function me(principal: Principal): Me {
  const auth = currentConsoleConfig().auth;
  return { user: principal.user, auth: auth.mode, openAccess: auth.openAccess, roles: principal.roles, grants: principal.grants };
}
