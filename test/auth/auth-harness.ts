// The API harness with sign-in on: users made from roles given here, sessions minted with the same
// sealing the login route uses, and a `as(user)` helper that adds the session cookie to a call.
import { sealToken } from '../../lib/auth/session';
import { currentConsoleConfig } from '../../lib/config';
import { hashPassword } from '../../lib/auth/password';
import type { Grant } from '../../lib/schemas/permissions';
import { startHarness, type Harness } from '../api/harness';

export const SESSION_SECRET = 'a-test-session-secret-that-is-long-enough-1234';

export interface AuthSetup {
  roles: Record<string, { grants: Partial<Grant>[] }>;
  /** user name -> roles */
  users: Record<string, string[]>;
  masking?: unknown[];
  env?: Record<string, string>;
}

export async function startAuthHarness(setup: AuthSetup, password = 'correct horse battery'): Promise<Harness> {
  const hash = await hashPassword(password);
  const users = Object.entries(setup.users).map(([name, roles]) => `${name}:${hash}:${roles.join('+')}`).join(',');
  return startHarness({
    env: {
      KAFSCOPE_AUTH: 'users',
      KAFSCOPE_USERS: users,
      KAFSCOPE_ROLES: JSON.stringify(setup.roles),
      KAFSCOPE_SESSION_SECRET: SESSION_SECRET,
      ...(setup.masking && { KAFSCOPE_MASKING: JSON.stringify(setup.masking) }),
      ...setup.env,
    },
  });
}

/** Headers that make a call as `user` (a session sealed as the login route seals it). */
export async function as(user: string): Promise<{ headers: Record<string, string> }> {
  const config = currentConsoleConfig();
  const token = await sealToken(config.auth.session.secret, 'session', { sub: user, src: 'users' }, 600);
  return { headers: { cookie: `kafscope_session=${token}` } };
}
