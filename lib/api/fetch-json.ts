// The one door from the browser to the JSON API. Every failure becomes an ApiError carrying the
// server's problem document (title, detail, the field it concerns), and every success is parsed
// with the same zod schema the route handler used, so a page never renders a shape it did not expect.
import type { z } from 'zod/mini';
import { withBasePath } from '@/lib/common/base-path';
import { ProblemSchema, type Problem } from '@/lib/schemas/common';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The input the server blamed, if any (matches the request body's field names). */
  get field(): string | undefined {
    return this.problem.field;
  }
}

/** A short human sentence for any error a query or mutation can end with. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

async function problemOf(res: Response): Promise<Problem> {
  const fallback: Problem = { type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status };
  const text = await res.text().catch(() => '');
  if (!text) return fallback;
  try {
    const parsed = ProblemSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return { ...fallback, detail: text.slice(0, 300) };
  }
}

/** Turns a transport failure (server down, aborted) into the same error type as an HTTP failure. */
async function send(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(withBasePath(url), { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ type: 'about:blank', title: 'Kafscope is not reachable', status: 0, detail: String(e) });
  }
}

/** Checks the status, then parses the body with `schema`; a mismatch is reported, not rendered. */
export async function parseResponse<S extends z.ZodMiniType>(res: Response, schema: S): Promise<z.infer<S>> {
  if (!res.ok) throw new ApiError(await problemOf(res));
  if (res.status === 204) return schema.parse(undefined);
  const body: unknown = await res.json();
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Unexpected response from the server',
      status: res.status,
      detail: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  }
  return parsed.data;
}

export async function getJson<S extends z.ZodMiniType>(url: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  return parseResponse(await send(url, { signal }), schema);
}

/** POST/PUT/DELETE with a JSON body (the server only accepts mutations typed as JSON). */
export async function sendJson<S extends z.ZodMiniType>(
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  body: unknown,
  schema: S,
): Promise<z.infer<S>> {
  const res = await send(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return parseResponse(res, schema);
}

/** Builds `path?a=1&b=2`, leaving out empty values so URLs stay short and shareable. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}

export const enc = encodeURIComponent;
