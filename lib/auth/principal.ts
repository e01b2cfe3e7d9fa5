// Who is asking, from the request: with auth none everyone is the open-access role (admin), as the
// console always behaved; otherwise the session cookie names a built-in user (whose roles come from
// the configuration now) or an OpenID Connect user (whose roles come from their groups through the
// configured map). No valid session: nobody (the route answers 401, a page goes to /login).
import 'server-only';
import type { AuthConfig } from '../config/auth';
import { OPEN_ACCESS_ROLE } from '../config/auth-roles';
import type { Grant } from '../schemas/permissions';
import { SESSION_COOKIE, openSession, readCookie } from './session';

export interface Principal {
  /** null with auth none. */
  user: string | null;
  roles: string[];
  grants: Grant[];
}

export function grantsOf(auth: AuthConfig, roles: string[]): Grant[] {
  return roles.flatMap((r) => auth.roles.get(r)?.grants ?? []);
}

export function rolesFromGroups(auth: AuthConfig, groups: string[]): string[] {
  const oidc = auth.oidc;
  if (!oidc) return [];
  return [...new Set([...oidc.defaultRoles, ...groups.flatMap((g) => oidc.groupRoles[g] ?? [])])];
}

export function openAccessPrincipal(auth: AuthConfig): Principal {
  return { user: null, roles: [OPEN_ACCESS_ROLE], grants: grantsOf(auth, [OPEN_ACCESS_ROLE]) };
}

export async function principalOf(headers: Headers, auth: AuthConfig): Promise<Principal | null> {
  if (auth.mode === 'none') return openAccessPrincipal(auth);
  const token = readCookie(headers, SESSION_COOKIE);
  if (!token) return null;
  const session = await openSession(auth.session.secret, token);
  if (!session || session.src !== auth.mode) return null;
  if (session.src === 'users') {
    const user = auth.users.get(session.sub);
    if (!user) return null;
    return { user: user.name, roles: user.roles, grants: grantsOf(auth, user.roles) };
  }
  const roles = rolesFromGroups(auth, session.groups ?? []);
  return { user: session.sub, roles, grants: grantsOf(auth, roles) };
}
