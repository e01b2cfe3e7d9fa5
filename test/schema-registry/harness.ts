// Shared set-up of the Schema Registry tests: an embedded broker on a random port (in memory unless
// told otherwise), the registry started against it, and a small HTTP client speaking Confluent's
// media type, for the calls the client library does not make.
import { startBroker, type RunningBroker } from '../../lib/broker';
import { startSchemaRegistry, type RunningSchemaRegistry, type SchemaRegistryOptions } from '../../lib/schema-registry';

export const CONFLUENT_JSON = 'application/vnd.schemaregistry.v1+json';

export async function startTestBroker(dataDir: string | null = null): Promise<RunningBroker> {
  return startBroker({ port: 0, nodes: 1, dataDir, log: () => undefined });
}

export async function startTestRegistry(broker: RunningBroker, options: Partial<SchemaRegistryOptions> = {}): Promise<RunningSchemaRegistry> {
  return startSchemaRegistry({ bootstrap: broker.bootstrap.split(','), host: '127.0.0.1', port: 0, log: () => undefined, ...options });
}

export interface Reply {
  status: number;
  contentType: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are checked field by field
  body: any;
  text: string;
}

export async function call(url: string, method: string, path: string, body?: unknown, contentType = CONFLUENT_JSON): Promise<Reply> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': contentType },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type'), body: parsed, text };
}

let n = 0;
export const uniqueSubject = (prefix: string) => `${prefix}-${process.pid}-${++n}`;
