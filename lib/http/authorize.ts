// The permission check and the audit record of one API request, run by the route wrapper before and
// after every handler. The route table (route-permissions.ts) says what the request needs; the
// session (lib/auth) says who asks. A route with no entry is refused: fail closed. Mutations (every
// audited method) are recorded with their result, the refused and failed ones too; so are reads of
// messages when KAFSCOPE_AUDIT_READS is on, and exports always (route-permissions.ts says which). A
// streamed read is recorded when its answer starts and again when it ends (audited-stream.ts).
import 'server-only';
import { appendAudit } from '../audit/audit-log';
import { withoutBasePath } from '../common/base-path';
import { summarizeParams } from '../audit/summarize';
import { principalOf, type Principal } from '../auth/principal';
import { currentConsoleConfig } from '../config/current';
import type { AuditEntry } from '../schemas/audit';
import { grants } from '../schemas/permissions';
import { Access, permissionDenied } from './access';
import { watchStreamEnd } from './audited-stream';
import { readLimitedText } from './body-limit';
import { clientAddress } from './client-address';
import { legacyRedirect, type RoutingFacts } from './legacy-urls';
import { forbidden, unauthorized, type HttpProblem } from './problem';
import { auditedAction, isAudited, isStreamedRead, matchRoute, type RouteRule } from './route-permissions';

export interface Authorized {
  access: Access;
  /** The request for the handler (its body already read once, when the check needed it). */
  request: Request;
  /** Call once the answer (or the failure) is known. */
  done(status: number, detail?: string): void;
  /** Records a successful answer and hands it back (a streamed read's body watched for its end). */
  finish(response: Response): Response;
}

/** The path as the route table knows it: without the configured base path, and an old API URL as
 * the one it redirects to (the proxy answers those with a redirect; a handler reached under an old
 * path is checked as its new one). */
function routePath(url: URL, facts: RoutingFacts): string {
  const path = withoutBasePath(url.pathname);
  if (!path.startsWith('/api/') || path.startsWith('/api/clusters/')) return path;
  return legacyRedirect(path, new URLSearchParams(), facts)?.split('?')[0] ?? path;
}

/** Reads the body once (at most the body limit: 413 beyond) and gives the handler a request that
 * carries the same text, so the check, the audit summary and the handler all see one body. */
async function readBodyOnce(request: Request, max: number): Promise<{ request: Request; json: unknown }> {
  if (!request.body) return { request, json: undefined };
  const text = await readLimitedText(request, max);
  const again = new Request(request.url, { method: request.method, headers: request.headers, body: text, signal: request.signal });
  let json: unknown;
  try {
    json = text.trim() ? JSON.parse(text) : undefined;
  } catch {
    json = undefined; // the handler answers the malformed body itself
  }
  return { request: again, json };
}

export async function authorize(original: Request, url: URL, params: Record<string, string>, cluster: string | null): Promise<Authorized> {
  const config = currentConsoleConfig();
  const path = routePath(url, { defaultCluster: config.defaultCluster, clusterCount: config.clusters.length });
  const request = original;
  const matched = matchRoute(path, request.method);
  const rule: RouteRule | null = matched?.rule ?? null;
  let resource: string | null = null;
  let action: string = (rule && auditedAction(rule)) ?? `${request.method} ${matched?.pattern ?? path}`;
  const principal: Principal | null = await principalOf(request.headers, config.auth);
  const audited = rule !== null && isAudited(rule, request.method, config.audit.reads);
  const needsBody = audited || (rule !== null && 'action' in rule && typeof rule.resource === 'object' && 'body' in rule.resource);
  let body: unknown;
  let forHandler = request;
  if (needsBody) {
    try {
      ({ request: forHandler, json: body } = await readBodyOnce(request, config.edge.maxBodyBytes));
    } catch (err) {
      record((err as HttpProblem).status ?? 400, (err as HttpProblem).detail);
      throw err;
    }
  }

  function record(status: number, detail?: string, stream?: AuditEntry['stream']): void {
    if (!audited && !(rule === null && request.method !== 'GET')) return;
    appendAudit(config.audit, {
      time: new Date().toISOString(),
      user: principal?.user ?? null,
      address: clientAddress(request.headers, config.edge),
      cluster,
      action,
      resource,
      method: request.method,
      path,
      params: summarizeParams(body, url.searchParams, config.audit.payloads),
      result: { ok: status < 400 && stream?.outcome !== 'failed', status, ...(detail && { detail: detail.slice(0, 500) }) },
      ...(stream && { stream }),
    });
  }
  function finish(response: Response): Response {
    if (!audited || !rule || !isStreamedRead(rule) || !response.ok || !response.body) {
      record(response.status);
      return response;
    }
    record(response.status, undefined, { phase: 'start' });
    const body = watchStreamEnd(response.body, request.signal, ({ outcome, bytes, ms, detail }) =>
      record(response.status, detail, { phase: 'end', outcome, ms, bytes }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  const refuse = (problem: HttpProblem): never => {
    record(problem.status, problem.detail);
    throw problem;
  };

  if (!rule) {
    console.error(`kafscope: no permission is defined for ${request.method} ${path}; refused (lib/http/route-permissions.ts)`);
    action = 'unmapped-route';
    refuse(forbidden('No permission is defined for this route, so it is refused.'));
  }
  const r = rule!;
  if ('public' in r) {
    return { access: new Access(principal ?? { user: null, roles: [], grants: [] }, cluster, config.auth), request: forHandler, done: () => undefined, finish: (r) => r };
  }
  // The resource acted on: from a path parameter, or a field of the body (a create).
  let name: string | undefined;
  if ('action' in r && typeof r.resource === 'object') {
    const res = r.resource;
    if ('param' in res) name = params[res.param];
    else {
      const v = (body as Record<string, unknown> | undefined)?.[res.body];
      name = typeof v === 'string' ? v : undefined;
    }
    resource = name ?? null;
  }
  if (!principal) refuse(unauthorized('Sign in to use this console.'));
  const access = new Access(principal!, cluster, config.auth);
  if ('action' in r) {
    if (r.resource === 'anyCluster') {
      if (!config.clusters.some((c) => grants(principal!.grants, r.action, c.name))) refuse(permissionDenied(r.action, null));
    } else if (!access.can(r.action, name)) refuse(permissionDenied(r.action, cluster, name));
  }
  return { access, request: forHandler, done: record, finish };
}
