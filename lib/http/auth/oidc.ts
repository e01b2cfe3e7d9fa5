// OpenID Connect sign-in: the authorization-code flow with PKCE (openid-client). /start makes a code
// verifier, state and nonce, keeps them in a short-lived encrypted cookie (no server state), and sends
// the browser to the provider; /callback checks state and nonce, exchanges the code with the
// verifier, reads the groups claim (from the ID token, else from userinfo), and sets the session
// cookie with the user and their groups: roles follow from the configured group map on each request.
// The provider's metadata is discovered once per process (again after a failure).
import 'server-only';
import * as client from 'openid-client';
import { OIDC_COOKIE, cookieHeader, openToken, readCookie, sealToken } from '../../auth/session';
import { currentConsoleConfig } from '../../config';
import type { OidcConfig } from '../../config/auth';
import { HttpProblem, badRequest } from '../problem';
import { requestSite } from '../request-site';
import { BASE_PATH } from '../../common/base-path';
import { auditAuth, sessionCookie } from './login';

const FLOW_SECONDS = 600;
const discoveredKey = Symbol.for('kafscope.oidc.discovered');

function discovered(oidc: OidcConfig): Promise<client.Configuration> {
  const g = globalThis as unknown as Record<symbol, Promise<client.Configuration> | undefined>;
  const loopbackHttp = oidc.issuer.protocol === 'http:';
  g[discoveredKey] ??= client
    .discovery(
      oidc.issuer,
      oidc.clientId,
      undefined,
      oidc.clientSecret ? client.ClientSecretPost(oidc.clientSecret) : client.None(),
      loopbackHttp ? { execute: [client.allowInsecureRequests] } : undefined,
    )
    .catch((err: unknown) => {
      g[discoveredKey] = undefined;
      throw err;
    });
  return g[discoveredKey];
}

function oidcOrFail(): OidcConfig {
  const oidc = currentConsoleConfig().auth.oidc;
  if (!oidc) throw badRequest('This console does not sign in with OpenID Connect (KAFSCOPE_AUTH).');
  return oidc;
}

/** The callback address: under the public URL when one is configured, else where the browser is. */
function callbackUrl(request: Request): string {
  const config = currentConsoleConfig();
  const site = requestSite(request.headers, config.edge);
  const origin = config.edge.publicOrigin ?? `${site.tls ? 'https' : 'http'}://${site.host ?? new URL(request.url).host}`;
  return `${origin}${BASE_PATH}/api/auth/oidc/callback`;
}

/** A path on this console to return to after sign-in; anything else (another site) becomes /. */
function safeNext(raw: string | null): string {
  return raw && raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\') ? raw.slice(0, 2000) : '/';
}

function redirect(location: string, cookies: string[]): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(null, { status: 303, headers });
}

export async function startOidc(request: Request, url: URL): Promise<Response> {
  const oidc = oidcOrFail();
  const config = currentConsoleConfig();
  let provider: client.Configuration;
  try {
    provider = await discovered(oidc);
  } catch {
    throw new HttpProblem(502, 'Identity provider unreachable', `Could not read ${oidc.issuer.origin}'s OpenID configuration.`);
  }
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const redirectUri = callbackUrl(request);
  const target = client.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUri,
    scope: oidc.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const flow = await sealToken(config.auth.session.secret, 'oidc', { verifier, state, nonce, redirectUri, next: safeNext(url.searchParams.get('next')) }, FLOW_SECONDS);
  const secure = requestSite(request.headers, config.edge).tls;
  return redirect(target.href, [cookieHeader(OIDC_COOKIE, flow, { maxAgeS: FLOW_SECONDS, secure, path: `${BASE_PATH}/api/auth/oidc` })]);
}

function groupsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string').slice(0, 500) : [];
}

export async function finishOidc(request: Request, url: URL): Promise<Response> {
  const oidc = oidcOrFail();
  const config = currentConsoleConfig();
  const cookie = readCookie(request.headers, OIDC_COOKIE);
  const flow = cookie ? await openToken(config.auth.session.secret, 'oidc', cookie) : null;
  if (!flow) throw badRequest('The sign-in took too long or did not start here; start it again.');
  const { verifier, state, nonce, redirectUri, next } = flow as Record<string, string>;
  const provider = await discovered(oidc);
  let user: string;
  let groups: string[];
  try {
    const tokens = await client.authorizationCodeGrant(provider, new URL(`${redirectUri}${url.search}`), {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    let groupClaim: unknown = claims[oidc.groupsClaim];
    let name: unknown = claims.preferred_username ?? claims.email;
    if (groupClaim === undefined || name === undefined) {
      const info = await client.fetchUserInfo(provider, tokens.access_token, claims.sub);
      groupClaim ??= info[oidc.groupsClaim];
      name ??= info.preferred_username ?? info.email;
    }
    user = typeof name === 'string' && name ? name : claims.sub;
    groups = groupsOf(groupClaim);
  } catch (err) {
    auditAuth(request, null, 'login', 401, `OpenID Connect: ${(err as Error).message.slice(0, 200)}`);
    throw new HttpProblem(401, 'Sign-in failed', 'The identity provider did not confirm the sign-in; start it again.');
  }
  auditAuth(request, user, 'login', 200);
  const token = await sealToken(config.auth.session.secret, 'session', { sub: user, src: 'oidc', groups }, config.auth.session.maxAgeS);
  const secure = requestSite(request.headers, config.edge).tls;
  return redirect(`${BASE_PATH}${safeNext(next ?? null)}`, [
    sessionCookie(request, token, config.auth.session.maxAgeS),
    cookieHeader(OIDC_COOKIE, '', { maxAgeS: 0, secure, path: `${BASE_PATH}/api/auth/oidc` }),
  ]);
}

