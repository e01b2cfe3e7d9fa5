// The one wrapper every route handler goes through: it checks where a mutation comes from and
// whether configuration allows it, parses input with the shared zod schemas, runs the service, and
// turns every expected failure into application/problem+json (see kafka-errors.ts). Route files stay
// a few lines long: validate -> service -> DTO -> JSON.
import type { z } from 'zod';
import { getConfig, SWITCH_VARIABLES, type Mutation } from '../config';
import { assertJsonBody, assertSameOrigin } from './guard';
import { classifyError } from './kafka-errors';
import { HttpProblem, badRequest, forbidden, problemResponse } from './problem';

export interface RouteContext<P> {
  request: Request;
  url: URL;
  params: P;
}

export interface RouteOptions {
  /** A mutation this route performs: checked against same-origin, JSON body and the switches. */
  mutation?: Mutation;
}

type NextContext<P> = { params: Promise<P> };

export function route<P extends Record<string, string> = Record<string, never>>(
  options: RouteOptions,
  handler: (ctx: RouteContext<P>) => Promise<unknown> | unknown,
): (request: Request, context?: NextContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      if (options.mutation) guardMutation(request, options.mutation);
      // Next.js hands dynamic segments over already decoded.
      const params = context ? await context.params : ({} as P);
      const result = await handler({ request, url: new URL(request.url), params });
      if (result instanceof Response) return result;
      return Response.json(result, { headers: { 'cache-control': 'no-store' } });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

export function errorResponse(err: unknown): Response {
  const problem = classifyError(err);
  if (problem) return problemResponse(problem.toProblem());
  // A bug, not an expected condition: log it here, tell the client nothing about it.
  console.error('[kafscope] unexpected error', err instanceof Error ? err.stack : String(err));
  return problemResponse({ type: 'about:blank', title: 'Internal error', status: 500 });
}

function guardMutation(request: Request, mutation: Mutation): void {
  assertSameOrigin(request);
  if (request.method !== 'DELETE' || request.headers.get('content-length') || request.headers.get('content-type')) {
    assertJsonBody(request);
  }
  const { switches } = getConfig();
  if (switches.readOnly) throw forbidden('This Kafscope instance is read-only (READ_ONLY).');
  if (!switches[mutation]) {
    const spec = SWITCH_VARIABLES[mutation];
    throw forbidden(`Permission to ${spec.meaning} is disabled by configuration (${spec.variable}).`);
  }
}

/** Parses a JSON body with a schema: malformed JSON and invalid fields are both 400. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    const text = await request.text();
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  return schema.parse(body);
}

/** Parses the query string with a schema (repeated keys: the last wins). */
export function readQuery<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(url.searchParams.entries()));
}

/** A JSON answer with a status other than 200 (e.g. 201 Created). */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

export { HttpProblem };
