// The one wrapper every route handler goes through: it checks where a mutation comes from and
// whether the cluster's configuration allows it, parses input with the shared zod schemas, runs the
// service, and turns every expected failure into application/problem+json (see domain-problems.ts).
// Route files stay a few lines long: validate -> service -> DTO -> JSON. Routes under
// /api/clusters/{cluster}/ use clusterRoute, which resolves the cluster from the URL (404 for an
// unknown name) and checks mutations against that cluster's own switches. Bodies are read no further
// than KAFSCOPE_MAX_BODY_BYTES (body-limit.ts); a route marked `deadline` answers within
// KAFKA_REQUEST_TIMEOUT_MS whatever the cluster does (deadline.ts). Before any handler runs, the
// request is looked up in the route table (route-permissions.ts) and checked against the asker's
// permissions (authorize.ts): handlers get the result as `access` and never check by themselves what
// the table says; mutations (and, when configured, reads of messages) are written to the audit log
// with their outcome.
// Every answer is counted by route pattern and status for GET /metrics (console-metrics.ts).
import 'server-only';
import type { z } from 'zod/mini';
import { withoutBasePath } from '../common/base-path';
import { SWITCH_VARIABLES, currentConsoleConfig, type ClusterConfig, type Mutation } from '../config';
import type { ClusterClients } from '../kafka/connection/clients';
import { clientsFor, clusterConfig } from '../kafka/connection/registry';
import { countRequest, routePattern } from '../kafka/history/console-metrics';
import { declaresMoreThan, payloadTooLarge, readLimitedText } from './body-limit';
import type { Access } from './access';
import { authorize, type Authorized } from './authorize';
import { withinRequestTimeout } from './deadline';
import { classifyError } from './domain-problems';
import { assertJsonBody, assertSameOrigin } from './guard';
import { HttpProblem, badRequest, forbidden, problemResponse } from './problem';

export interface RouteContext<P> {
  request: Request;
  url: URL;
  params: P;
  /** Who asks and what they may do (already checked against the route table). */
  access: Access;
}

export interface ClusterRouteContext<P> extends RouteContext<P> {
  cluster: ClusterConfig;
  /** The cluster's clients (built on first use; 503 while its embedded broker starts). */
  clients(): ClusterClients;
}

export interface RouteOptions {
  /** A mutation this route performs: checked against same-origin, JSON body and the switches. */
  mutation?: Mutation;
  /** Answer 504 once KAFKA_REQUEST_TIMEOUT_MS has passed, rather than wait for every broker (reads
   * that make several Kafka requests in sequence, such as a group's page). */
  deadline?: boolean;
}

type NextContext<P> = { params: Promise<P> };
type Handler<P> = (request: Request, context?: NextContext<P>) => Promise<Response>;

function respond(result: unknown): Response {
  if (result instanceof Response) return result;
  return Response.json(result, { headers: { 'cache-control': 'no-store' } });
}

/** Counts the answer (a stream by its status, sent before its body). */
function counted(request: Request, response: Response): Response {
  countRequest(routePattern(withoutBasePath(new URL(request.url).pathname)), response.status);
  return response;
}

/** A body declared over the limit is refused before any work (the proxy did so too, if it ran). */
function assertBodyWithinLimit(request: Request): void {
  const max = currentConsoleConfig().edge.maxBodyBytes;
  if (declaresMoreThan(request.headers, max)) throw payloadTooLarge(max);
}

/** A route that is not about one cluster (health, the cluster list, the OpenAPI document). */
export function route<P extends Record<string, string> = Record<string, never>>(
  options: Omit<RouteOptions, 'mutation' | 'deadline'>,
  handler: (ctx: RouteContext<P>) => Promise<unknown> | unknown,
): Handler<P> {
  void options;
  return async (request, context) => {
    let auth: Authorized | null = null;
    try {
      assertBodyWithinLimit(request);
      // Next.js hands dynamic segments over already decoded.
      const params = context ? await context.params : ({} as P);
      const url = new URL(request.url);
      auth = await authorize(request, url, params, null);
      return counted(request, finish(auth, respond(await handler({ request: auth.request, url, params, access: auth.access }))));
    } catch (err) {
      return counted(request, failed(auth, err));
    }
  };
}

/** A route under /api/clusters/{cluster}/. */
export function clusterRoute<P extends { cluster: string }>(
  options: RouteOptions,
  handler: (ctx: ClusterRouteContext<P>) => Promise<unknown> | unknown,
): Handler<P> {
  return async (request, context) => {
    let auth: Authorized | null = null;
    try {
      assertBodyWithinLimit(request);
      const params = context ? await context.params : ({ cluster: '' } as P);
      const cluster = clusterConfig(params.cluster);
      const url = new URL(request.url);
      auth = await authorize(request, url, params, cluster.name);
      // The switches and read-only still cap whatever a role grants.
      if (options.mutation) guardMutation(request, cluster, options.mutation);
      const work = Promise.resolve(handler({ request: auth.request, url, params, cluster, clients: () => clientsFor(cluster.name), access: auth.access }));
      return counted(request, finish(auth, respond(await (options.deadline ? withinRequestTimeout(work, currentConsoleConfig().timeouts.requestMs) : work))));
    } catch (err) {
      return counted(request, failed(auth, err));
    }
  };
}

function finish(auth: Authorized, response: Response): Response {
  return auth.finish(response);
}

function failed(auth: Authorized | null, err: unknown): Response {
  const response = errorResponse(err);
  auth?.done(response.status, err instanceof Error ? (classifyError(err)?.detail ?? undefined) : undefined);
  return response;
}

export function errorResponse(err: unknown): Response {
  const problem = classifyError(err);
  if (problem) return problemResponse(problem.toProblem());
  // A bug, not an expected condition: log it here, tell the client nothing about it.
  console.error('[kafscope] unexpected error', err instanceof Error ? err.stack : String(err));
  return problemResponse({ type: 'about:blank', title: 'Internal error', status: 500 });
}

function guardMutation(request: Request, cluster: ClusterConfig, mutation: Mutation): void {
  assertSameOrigin(request, currentConsoleConfig().edge.allowedOrigins);
  if (request.method !== 'DELETE' || request.headers.get('content-length') || request.headers.get('content-type')) {
    assertJsonBody(request);
  }
  requireSwitch(cluster, mutation);
}

/** The cluster's switches allow `mutation` (403 naming the variable otherwise). For a route whose
 * request turns out to be a second kind of mutation too (a retention change that deletes records). */
export function requireSwitch(cluster: ClusterConfig, mutation: Mutation, why?: string): void {
  const { switches } = cluster;
  if (switches.readOnly) throw forbidden(`Cluster "${cluster.name}" is read-only in this Kafscope.`);
  if (!switches[mutation]) {
    const spec = SWITCH_VARIABLES[mutation];
    throw forbidden(`Permission to ${spec.meaning} on cluster "${cluster.name}" is disabled by configuration (${spec.variable}).${why ? ` ${why}` : ''}`);
  }
}

/** Parses a JSON body with a schema: malformed JSON and invalid fields are both 400, a body over
 * KAFSCOPE_MAX_BODY_BYTES 413 (read no further than that). */
export async function readBody<S extends z.ZodMiniType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await readLimitedText(request, currentConsoleConfig().edge.maxBodyBytes).catch((err: unknown) => {
    throw err instanceof HttpProblem ? err : badRequest('The request body could not be read.');
  });
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  return schema.parse(body);
}

/** Parses the query string with a schema (repeated keys: the last wins). */
export function readQuery<S extends z.ZodMiniType>(url: URL, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(url.searchParams.entries()));
}

/** A JSON answer with a status other than 200 (e.g. 201 Created). */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { headers: { 'cache-control': 'no-store' }, status });
}

export { HttpProblem };
