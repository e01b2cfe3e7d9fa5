// What a prefetched answer must look like: exactly what the browser would have parsed from the API
// route. The route sends the service's result through Response.json (JSON.stringify), and the
// browser parses the body with the response's zod schema (lib/api/fetch-json.ts); doing both here
// gives the cache the same value, so the first render on the server and the hydrated one in the
// browser agree. Query strings go through the same round trip: the API is handed the address the
// browser would have called (lib/api/queries) and reads it with the route's own schema.
import 'server-only';
import type { z } from 'zod/mini';

export function asDto<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  return schema.parse(JSON.parse(JSON.stringify(value)));
}

/** The query string of an API address, read the way a route does (lib/http/route.ts readQuery). */
export function queryOf<S extends z.ZodMiniType>(apiUrl: string, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(new URL(apiUrl, 'http://prefetch.invalid').searchParams.entries()));
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** A page's search parameters as the browser's URLSearchParams would give them (a repeated key: the last). */
export function lastValues(sp: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const value = Array.isArray(v) ? v.at(-1) : v;
    if (value !== undefined) out[k] = value;
  }
  return out;
}
