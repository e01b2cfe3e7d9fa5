// Shared set-up of the API integration tests: an embedded broker on random ports (in memory), the
// console configured with it as its cluster "test" (every switch on, as in the demo), kafkajs clients
// for seeding data the way a real application would, and a helper that calls a route handler with a
// real Request.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, Partitioners, logLevel, type Producer, type SASLOptions } from 'kafkajs';
import { startBroker, type BrokerOptions, type RunningBroker } from '../../lib/broker';
import { loadAppConfig } from '../../lib/config';
import { CACHE_TTL_MS } from '../../lib/kafka/connection/clients';
import { configureClusters, resetClusters } from '../../lib/kafka/connection/registry';
import { captureCluster } from '../../lib/kafka/connection/captured-cluster';

/** The cluster name the harness configures; `call` uses it unless told otherwise. */
export const TEST_CLUSTER = 'test';

export interface Harness {
  broker: RunningBroker;
  kafka: Kafka;
  producer: Producer;
  close(): Promise<void>;
}

export async function startHarness(
  options: { nodes?: number; env?: Record<string, string>; broker?: Partial<BrokerOptions>; sasl?: SASLOptions } = {},
): Promise<Harness> {
  const broker = await startBroker({ port: 0, nodes: options.nodes ?? 1, dataDir: null, log: () => undefined, ...options.broker });
  process.env.KAFSCOPE_QUIET_KAFKA_LOGS = '1';
  await resetClusters();
  configureClusters(
    loadAppConfig({
      KAFKA_CLUSTERS_0_NAME: TEST_CLUSTER,
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: broker.bootstrap,
      // `call` sends mutations from http://console.test; the same-origin guard compares with this.
      KAFSCOPE_PUBLIC_URL: 'http://console.test',
      TOPIC_DELETE_ENABLED: 'true',
      RECORDS_DELETE_ENABLED: 'true',
      GROUP_DELETE_ENABLED: 'true',
      // Each harness its own audit trail, never the project's data directory.
      KAFSCOPE_AUDIT_FILE: join(tmpdir(), `kafscope-audit-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`),
      ...options.env,
    }),
  );
  const kafka = new Kafka({ clientId: 'test-seeder', brokers: broker.bootstrap.split(','), logLevel: logLevel.NOTHING, retry: { retries: 3 }, sasl: options.sasl });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  return {
    broker,
    kafka,
    producer,
    async close() {
      await producer.disconnect().catch(() => undefined);
      await resetClusters();
      await broker.close();
    },
  };
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls a route handler as Next.js would: a real Request to http://console.test, same-origin. The
 * cluster parameter is the harness's cluster unless `params` names another. */
export async function call<P extends Record<string, string>>(
  handler: Handler<P>,
  path: string,
  params: Partial<P> = {},
  opts: CallOptions = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are checked by schema or field
): Promise<{ status: number; body: any; headers: Headers; response: Response }> {
  const init: RequestInit = {
    method: opts.method ?? 'GET',
    headers: {
      ...(opts.body !== undefined && { 'content-type': 'application/json' }),
      ...(opts.method && opts.method !== 'GET' && { origin: 'http://console.test' }),
      ...opts.headers,
    },
    ...(opts.body !== undefined && { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }),
    ...(opts.signal && { signal: opts.signal }),
  };
  const all = { cluster: TEST_CLUSTER, ...params } as unknown as P;
  const response = await handler(new Request(`http://console.test${path}`, init), { params: Promise.resolve(all) });
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') && !type.includes('ndjson') ? await response.json() : null;
  return { status: response.status, body, headers: response.headers, response };
}

export async function createTopic(h: Harness, topic: string, partitions = 1, replicationFactor = 1, configs: Record<string, string> = {}): Promise<void> {
  const admin = h.kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [{ topic, numPartitions: partitions, replicationFactor, configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })) }],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

let n = 0;
export const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${++n}`;

/** Commits offsets the way an admin tool does (generation -1, no member), straight to the coordinator. */
export async function commitOffsets(h: Harness, groupId: string, topic: string, offsets: Record<number, string>): Promise<void> {
  const cluster = captureCluster(h.kafka);
  await cluster.connect();
  try {
    const coordinator = await cluster.findGroupCoordinator({ groupId });
    await coordinator.offsetCommit({
      groupId,
      groupGenerationId: -1,
      memberId: '',
      retentionTime: -1,
      topics: [{ topic, partitions: Object.entries(offsets).map(([p, offset]) => ({ partition: Number(p), offset })) }],
    });
  } finally {
    await cluster.disconnect();
  }
}

/** The node coordinating a group, asked of the broker directly. */
export async function coordinatorOf(h: Harness, groupId: string): Promise<number> {
  const cluster = captureCluster(h.kafka);
  await cluster.connect();
  try {
    await cluster.refreshMetadata();
    return (await cluster.findGroupCoordinatorMetadata({ groupId })).coordinator.nodeId;
  } finally {
    await cluster.disconnect();
  }
}

/** Waits out the API's short caches, so what was just changed behind its back shows. */
export const cachesExpired = () => new Promise((r) => setTimeout(r, CACHE_TTL_MS + 100));
