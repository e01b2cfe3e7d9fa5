// The schema pages' door to a cluster's Schema Registry: Confluent's REST API called with the
// cluster's URLs (in order) and credentials, every call within a deadline, and every answer that is
// not a success turned into a DomainError once, here. Confluent's error code is kept in the message
// (40401 subject not found, 409 incompatible, 42201 invalid schema...), its status decides the kind:
// 404 not found, 409 conflict, 422 and other 4xx the caller's mistake, 401/403 a configuration
// problem, 5xx, a network error or the deadline an unavailable registry (503 within the deadline,
// never a hung page). URLs and credentials never appear in a message.
import 'server-only';
import { DomainError, type DomainErrorKind } from '../errors';
import { REGISTRY_TIMEOUT_MS, type RegistrySettings } from './registry-client';

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const ACCEPT = `${CONTENT_TYPE}, application/json`;

/** Confluent's error body. */
interface RegistryErrorBody {
  error_code?: unknown;
  message?: unknown;
}

export const registryError = (kind: DomainErrorKind, detail: string) => new DomainError(kind, detail, { service: 'schema-registry' });

/** Confluent's code of a failed call, for callers that act on one (40408: no subject-level config). */
export function registryCodeOf(err: unknown): number | null {
  return err instanceof RegistryCallError ? err.code : null;
}

class RegistryCallError extends DomainError {
  constructor(
    kind: DomainErrorKind,
    detail: string,
    readonly code: number,
  ) {
    super(kind, detail, { service: 'schema-registry' });
  }
}

function kindOf(status: number): DomainErrorKind {
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 401 || status === 403) return 'kafka-error';
  if (status >= 400 && status < 500) return 'rejected';
  return 'unavailable';
}

function networkCode(err: unknown): string | null {
  const cause = (err as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : null;
}

export class RegistryApi {
  private readonly authorization: string | null;

  constructor(
    private readonly settings: RegistrySettings,
    private readonly timeoutMs = REGISTRY_TIMEOUT_MS,
  ) {
    const { username, password } = settings;
    this.authorization = username !== undefined && password !== undefined ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` : null;
  }

  get<T = unknown>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  /** One call; the first URL that answers decides. `path` segments must already be encoded. */
  async call<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let reason = 'the schema registry is unreachable';
    for (const base of this.settings.urls) {
      let res: Response;
      try {
        res = await fetch(`${base.replace(/\/+$/, '')}${path}`, {
          method,
          headers: {
            accept: ACCEPT,
            ...(body !== undefined && { 'content-type': CONTENT_TYPE }),
            ...(this.authorization && { authorization: this.authorization }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
          signal,
        });
      } catch (err) {
        if (signal.aborted) break;
        const code = networkCode(err);
        reason = code ? `the schema registry is unreachable (${code})` : 'the schema registry is unreachable';
        continue;
      }
      let text: string;
      try {
        text = await res.text();
      } catch {
        if (signal.aborted) break;
        reason = 'the schema registry closed the connection';
        continue;
      }
      let parsed: unknown = null;
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        parsed = null;
      }
      if (res.ok) return parsed as T;
      if (res.status >= 500) {
        reason = `the schema registry answered HTTP ${res.status}`;
        continue;
      }
      const b = (parsed ?? {}) as RegistryErrorBody;
      const code = typeof b.error_code === 'number' ? b.error_code : res.status;
      const message = typeof b.message === 'string' ? b.message.slice(0, 2_000) : `HTTP ${res.status}`;
      if (res.status === 401 || res.status === 403) {
        throw new RegistryCallError('kafka-error', `The schema registry refused the configured credentials (HTTP ${res.status}).`, code);
      }
      throw new RegistryCallError(kindOf(res.status), `${message} (schema registry error ${code})`, code);
    }
    if (signal.aborted) throw new RegistryCallError('unavailable', `The schema registry did not answer within ${this.timeoutMs} ms.`, 0);
    throw new RegistryCallError('unavailable', `${reason[0]!.toUpperCase()}${reason.slice(1)}.`, 0);
  }
}
