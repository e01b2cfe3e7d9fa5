// One set of Kafka clients per cluster configuration: the kafkajs Kafka object, its admin and
// producer (connected lazily, within a deadline) and the pool of group-less readers, with the short
// caches that sit in front of them. Kept on globalThis so Next.js dev reloads reuse sockets instead
// of leaking them. Nothing here logs a credential: kafkajs logs go through a creator that prints
// only its namespace and message.
import { CompressionCodecs, Kafka, Partitioners, logLevel, type Admin, type Producer, type SASLOptions } from 'kafkajs';
import { kafkajsCodecs } from '../../codecs/kafkajs-codecs';
import { getConfig, type AppConfig } from '../../config';
import { unavailable } from '../../http/problem';
import { TtlCache, withDeadline } from './cache';
import { tolerateLeaderlessIn } from './raw-requests';
import { ReaderPool } from './reader-pool';

/** Longest a request waits for the cluster to answer a first connection (under the 5 s promise). */
const CONNECT_DEADLINE_MS = 4_500;
export const CACHE_TTL_MS = 2_000;

export interface KafkaClients {
  key: string;
  config: AppConfig;
  kafka: Kafka;
  readers: ReaderPool;
  admin(): Promise<Admin>;
  producer(): Promise<Producer>;
  /** Short-lived caches of metadata, configs, watermarks and group data, keyed by the caller. */
  cache: TtlCache<unknown>;
  close(): Promise<void>;
}

interface Registry {
  clients: Map<string, KafkaClients>;
  codecsRegistered: boolean;
}
const globalKey = Symbol.for('kafscope.kafka.clients');
function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[globalKey] ??= { clients: new Map(), codecsRegistered: false });
}

function lazyConnect<T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(create: () => T) {
  let client: T | null = null;
  let ready: Promise<T> | null = null;
  return {
    get(): Promise<T> {
      if (!ready) {
        client ??= create();
        const c = client;
        ready = withDeadline(c.connect(), CONNECT_DEADLINE_MS, () => unavailable('The cluster did not answer in time.')).then(() => c);
        ready.catch(() => {
          ready = null;
          void c.disconnect().catch(() => undefined);
          client = null;
        });
      }
      return ready;
    },
    async close() {
      if (client) await client.disconnect().catch(() => undefined);
      client = null;
      ready = null;
    },
  };
}

function createClients(config: AppConfig): KafkaClients {
  const { connection, timeouts } = config;
  const reg = registry();
  if (!reg.codecsRegistered) {
    Object.assign(CompressionCodecs, kafkajsCodecs());
    reg.codecsRegistered = true;
  }
  const kafka = new Kafka({
    clientId: 'kafscope',
    brokers: connection.brokers,
    ssl: connection.tls ? (Object.keys(connection.tls).length ? connection.tls : true) : false,
    sasl: (connection.sasl ?? undefined) as SASLOptions | undefined,
    connectionTimeout: timeouts.connectMs,
    authenticationTimeout: timeouts.connectMs,
    requestTimeout: timeouts.requestMs,
    // Few, quick retries: an unreachable cluster must answer 503 within seconds, not minutes.
    retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 1_000 },
    logLevel: logLevel.ERROR,
    logCreator: () => ({ namespace, log }) => {
      if (process.env.KAFSCOPE_QUIET_KAFKA_LOGS) return;
      console.error(`[kafkajs] ${namespace}: ${log.message}`);
    },
  });
  // Clusters that read Metadata with leaderless partitions as values (see raw-requests.ts).
  tolerateLeaderlessIn(kafka);
  const admin = lazyConnect(() => kafka.admin({ retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 1_000 } }));
  const producer = lazyConnect(() =>
    kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, retry: { retries: 1 } }),
  );
  const readers = new ReaderPool(kafka, config.readerPoolSize, CONNECT_DEADLINE_MS);
  const cache = new TtlCache<unknown>(CACHE_TTL_MS);
  return {
    key: connection.key,
    config,
    kafka,
    readers,
    admin: () => admin.get(),
    producer: () => producer.get(),
    cache,
    async close() {
      await Promise.all([admin.close(), producer.close(), readers.close()]);
    },
  };
}

/** The clients of the configured cluster; 503 when no cluster is configured yet. */
export function getClients(config: AppConfig = getConfig()): KafkaClients {
  if (config.connection.brokers.length === 0) {
    throw unavailable('No Kafka cluster is configured: set KAFKA_BROKERCONNECT, or wait for the embedded broker to start.');
  }
  const reg = registry();
  let clients = reg.clients.get(config.connection.key);
  if (!clients) {
    clients = createClients(config);
    reg.clients.set(config.connection.key, clients);
  }
  return clients;
}

/** Closes every cached client (tests, shutdown). */
export async function closeAllClients(): Promise<void> {
  const reg = registry();
  const all = [...reg.clients.values()];
  reg.clients.clear();
  await Promise.all(all.map((c) => c.close()));
}
