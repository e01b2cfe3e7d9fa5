// One cluster's Schema Registry, as the decode step needs it: the schema of an id, compiled once and
// kept (ids are immutable), with the subject and version it is registered under for display. Every
// lookup has a deadline and tries the configured URLs in order; a registry that is down or slow
// becomes an error value within the deadline, and that failure is remembered for a few seconds, so
// a page of 500 records naming the same unknown id waits once, not 500 times. URLs and credentials
// never appear in an error: the reason is the registry's answer or the network error's code.
import 'server-only';
import { compileRegistrySchema, type RegistrySchemaType } from '../../decode/formats';
import type { ResolvedSchema } from '../../decode';

export interface RegistrySettings {
  urls: string[];
  username?: string;
  password?: string;
}

export interface RegistryClientOptions {
  /** Longest one id's lookup (schema, references, subject) may take. */
  timeoutMs?: number;
  /** How long a failed lookup is answered from memory before the registry is asked again. */
  failureTtlMs?: number;
  fetch?: typeof fetch;
}

export type SchemaAnswer = ResolvedSchema | { error: string };

export const REGISTRY_TIMEOUT_MS = 2_000;
const FAILURE_TTL_MS = 5_000;
/** Schemas kept per cluster; beyond it the oldest are forgotten (and fetched again if needed). */
const MAX_SCHEMAS = 10_000;
/** Reference chains deeper than this are refused (a cycle, or a hostile registry). */
const MAX_REFERENCE_DEPTH = 16;

const ACCEPT = 'application/vnd.schemaregistry.v1+json, application/json';

/** A definitive answer from the registry (not found, bad request): no other URL is tried. */
class RegistryAnswer extends Error {}

interface SchemaBody {
  schema: string;
  schemaType?: RegistrySchemaType;
  references?: { name: string; subject: string; version: number }[];
}

function isSchemaBody(x: unknown): x is SchemaBody {
  return typeof x === 'object' && x !== null && typeof (x as SchemaBody).schema === 'string';
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  return code ? `schema registry unreachable (${code})` : 'schema registry unreachable';
}

export class RegistryClient {
  private readonly schemas = new Map<number, ResolvedSchema>();
  private readonly failures = new Map<number, { error: string; until: number }>();
  private readonly pending = new Map<number, Promise<SchemaAnswer>>();
  private readonly timeoutMs: number;
  private readonly failureTtlMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly authorization: string | null;

  constructor(
    private readonly settings: RegistrySettings,
    options: RegistryClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? REGISTRY_TIMEOUT_MS;
    this.failureTtlMs = options.failureTtlMs ?? FAILURE_TTL_MS;
    this.fetchFn = options.fetch ?? fetch;
    this.authorization = settings.username !== undefined && settings.password !== undefined ? `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}` : null;
  }

  /** The answers for these ids, looked up at once (in parallel, each within the deadline). */
  async resolve(ids: Iterable<number>): Promise<Map<number, SchemaAnswer>> {
    const unique = [...new Set(ids)];
    const answers = await Promise.all(unique.map((id) => this.schema(id)));
    return new Map(unique.map((id, i) => [id, answers[i]!]));
  }

  /** The schema of `id`, from memory when known; a failure value, never a rejection. */
  schema(id: number): Promise<SchemaAnswer> {
    const known = this.schemas.get(id);
    if (known) return Promise.resolve(known);
    const failed = this.failures.get(id);
    if (failed && failed.until > Date.now()) return Promise.resolve({ error: failed.error });
    let p = this.pending.get(id);
    if (!p) {
      p = this.load(id).finally(() => this.pending.delete(id));
      this.pending.set(id, p);
    }
    return p;
  }

  private async load(id: number): Promise<SchemaAnswer> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const [body, uses] = await Promise.all([this.get(`/schemas/ids/${id}`, signal), this.get(`/schemas/ids/${id}/versions`, signal).catch(() => null)]);
      if (!isSchemaBody(body)) throw new RegistryAnswer(`schema id ${id}: the registry's answer has no schema`);
      const references = await this.references(body, signal, 0, new Set());
      const compiled = compileRegistrySchema({ schema: body.schema, ...(body.schemaType && { schemaType: body.schemaType }), references });
      if ('error' in compiled) return this.fail(id, `schema id ${id}: ${compiled.error}`, Infinity);
      const use = Array.isArray(uses) ? (uses as { subject?: unknown; version?: unknown }[]).find((u) => typeof u.subject === 'string' && typeof u.version === 'number') : undefined;
      const resolved: ResolvedSchema = {
        id,
        type: body.schemaType ?? 'AVRO',
        compiled,
        ...(use && { subject: use.subject as string, version: use.version as number }),
      };
      if (this.schemas.size >= MAX_SCHEMAS) this.schemas.delete(this.schemas.keys().next().value!);
      this.schemas.set(id, resolved);
      this.failures.delete(id);
      return resolved;
    } catch (err) {
      if (err instanceof RegistryAnswer) return this.fail(id, err.message, this.failureTtlMs);
      if (signal.aborted) return this.fail(id, `schema id ${id}: the schema registry did not answer within ${this.timeoutMs} ms`, this.failureTtlMs);
      return this.fail(id, `schema id ${id}: ${(err as Error).message}`, this.failureTtlMs);
    }
  }

  private fail(id: number, error: string, ttl: number): SchemaAnswer {
    this.failures.set(id, { error, until: Date.now() + ttl });
    return { error };
  }

  /** Referenced schemas, dependencies before the schemas that use them (the order avsc needs). */
  private async references(body: SchemaBody, signal: AbortSignal, depth: number, seen: Set<string>): Promise<{ name: string; schema: string }[]> {
    const out: { name: string; schema: string }[] = [];
    for (const ref of body.references ?? []) {
      const key = `${ref.subject}/${ref.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (depth >= MAX_REFERENCE_DEPTH) throw new RegistryAnswer(`schema references nested deeper than ${MAX_REFERENCE_DEPTH}`);
      const referenced = await this.get(`/subjects/${encodeURIComponent(ref.subject)}/versions/${ref.version}`, signal);
      if (!isSchemaBody(referenced)) throw new RegistryAnswer(`reference ${ref.name}: the registry's answer has no schema`);
      out.push(...(await this.references(referenced, signal, depth + 1, seen)), { name: ref.name, schema: referenced.schema });
    }
    return out;
  }

  /** GET `path` from the first URL that answers; 4xx answers are definitive. */
  private async get(path: string, signal: AbortSignal): Promise<unknown> {
    let reason = 'schema registry unreachable';
    for (const base of this.settings.urls) {
      if (signal.aborted) break;
      let res: Response;
      try {
        res = await this.fetchFn(`${base.replace(/\/+$/, '')}${path}`, {
          headers: { accept: ACCEPT, ...(this.authorization && { authorization: this.authorization }) },
          signal,
        });
      } catch (err) {
        if (signal.aborted) throw err;
        reason = networkReason(err);
        continue;
      }
      const text = await res.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      if (res.ok) return body;
      const message = typeof (body as { message?: unknown } | null)?.message === 'string' ? (body as { message: string }).message : `HTTP ${res.status}`;
      if (res.status === 404) throw new RegistryAnswer(`${path.startsWith('/schemas/ids/') ? `schema id ${path.split('/')[3]} not found in the schema registry` : `not found in the schema registry: ${path}`} (${message})`);
      if (res.status === 401 || res.status === 403) throw new RegistryAnswer(`the schema registry refused the credentials (HTTP ${res.status})`);
      if (res.status < 500) throw new RegistryAnswer(`the schema registry answered HTTP ${res.status}: ${message}`);
      reason = `the schema registry answered HTTP ${res.status}`;
    }
    throw new Error(reason);
  }
}
