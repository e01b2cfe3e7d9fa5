// The HTTP side of the registry, on node:http: Confluent's media types in and out, bodies read with
// a size cap, paths decoded segment by segment (a subject may contain an encoded "/"), and every
// failure written as Confluent's {"error_code", "message"} — a RegistryError as it is, anything else
// as 50001 without internals (those go to the log).
import 'server-only';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { badRequest, httpNotFound, methodNotAllowed, payloadTooLarge, RegistryError, unsupportedMediaType } from './errors';
import type { SchemaRegistry } from './registry';
import { matchRoute } from './routes';

export const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

/** Request media types Confluent accepts (plus none at all, which curl and urllib often send). */
const ACCEPTED_TYPES = new Set([CONTENT_TYPE, 'application/vnd.schemaregistry+json', 'application/json', 'application/octet-stream']);

const MAX_BODY_BYTES = 16 * 1024 * 1024;

function send(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': CONTENT_TYPE, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type && !ACCEPTED_TYPES.has(type)) throw unsupportedMediaType();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw payloadTooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`Unrecognized request body: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The path's segments, each URL-decoded ("/subjects/a%2Fb" → ["subjects", "a/b"]); null if malformed. */
function segmentsOf(pathname: string): string[] | null {
  const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  try {
    return trimmed === '/' ? [] : trimmed.slice(1).split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
}

async function handle(registry: SchemaRegistry, req: http.IncomingMessage, res: http.ServerResponse, log: (line: string) => void): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://registry.invalid');
    const segments = segmentsOf(url.pathname);
    if (!segments) throw httpNotFound();
    const match = matchRoute(req.method ?? 'GET', segments);
    if ('allowed' in match) throw match.allowed.length > 0 ? methodNotAllowed() : httpNotFound();
    const body = req.method === 'POST' || req.method === 'PUT' ? await readBody(req) : undefined;
    const answer = await match.route.handle(registry, { params: match.params, query: url.searchParams, body });
    send(res, 200, 'json' in answer ? JSON.stringify(answer.json) : answer.text);
  } catch (err) {
    if (err instanceof RegistryError) {
      send(res, err.status, JSON.stringify(err.body()));
      return;
    }
    log(`schema registry: ${req.method} ${req.url} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    send(res, 500, JSON.stringify({ error_code: 50001, message: 'Error in the backend data store' }));
  }
}

export interface RegistryHttpServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function listen(registry: SchemaRegistry, host: string, port: number, log: (line: string) => void): Promise<RegistryHttpServer> {
  const server = http.createServer((req, res) => {
    void handle(registry, req, res, log);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
