// The embedded demo: when no cluster is configured (or KAFSCOPE_DEMO=true), the console starts its own
// 3-node Kafka-protocol broker (persistent data, 127.0.0.1:9092 or the next free ports) and its own
// Schema Registry (127.0.0.1:8081 or the next free port), seeds them once and keeps traffic flowing.
// Both addresses are returned as values, which the start-up code hands to the cluster registry. It
// runs inside the Next.js server process, so one Ctrl-C stops everything.
import 'server-only';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { startBroker, type RunningBroker } from '../broker';
import { startSchemaRegistry, type RunningSchemaRegistry } from '../schema-registry';
import { ConfigError, readBool, type Env } from '../config/errors';
import { DEMO_NODES } from './catalog';
import { findFreePorts } from './free-port';
import { registerDemoSchemas, type DemoSchemaIds } from './format-schemas';
import { seedDemo } from './seed';
import { seedFormats } from './seed-formats';
import { startTraffic, type Traffic } from './traffic';

export interface EmbeddedDemoOptions {
  dataDir: string;
  /** First port to try (node i listens on port + i). */
  port: number;
  /** First port to try for the schema registry. */
  registryPort: number;
  host: string;
  traffic: boolean;
  log: (line: string) => void;
}

export interface EmbeddedDemo {
  readonly bootstrap: string;
  readonly broker: RunningBroker;
  /** The demo's Schema Registry URL; null when it could not start (the demo runs without it). */
  readonly registryUrl: string | null;
  /** Settles when seeding (first run) and the traffic generator have started. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
  /** For a process that is about to exit: stop traffic and flush and close the log synchronously,
   * so the next start finds a clean shutdown instead of running crash recovery. */
  closeSync(): void;
}

function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65_535) throw new ConfigError(name, 'must be a port number (1-65535)');
  return n;
}

/** Demo options from the environment; throws naming the variable when a value is invalid. */
export function embeddedOptionsFromEnv(env: Env, log: (line: string) => void): EmbeddedDemoOptions {
  return {
    // A runtime path, not a build input: the ignore comment keeps the bundler's file tracing from
    // copying the whole project into the standalone output.
    dataDir: resolve(/*turbopackIgnore: true*/ env.KAFSCOPE_DATA_DIR || 'data'),
    port: readPort(env, 'KAFSCOPE_BROKER_PORT', 9092),
    registryPort: readPort(env, 'KAFSCOPE_REGISTRY_PORT', 8081),
    host: env.KAFSCOPE_BROKER_HOST || '127.0.0.1',
    traffic: readBool(env, 'KAFSCOPE_DEMO_TRAFFIC', true),
    log,
  };
}

export async function startEmbeddedDemo(opts: EmbeddedDemoOptions): Promise<EmbeddedDemo> {
  mkdirSync(opts.dataDir, { recursive: true });
  const port = await findFreePorts(opts.port, DEMO_NODES, opts.host);
  const broker = await startBroker({
    port,
    host: opts.host,
    nodes: DEMO_NODES,
    dataDir: opts.dataDir,
    // The authorizer is on so the ACL page has something to show and edit. The demo's clients (the
    // console, its traffic, kcat) connect without SASL as User:ANONYMOUS, a super user here, so
    // nothing they do is refused; ACLs created in the demo are stored and listed like Kafka's.
    authorizer: true,
    superUsers: ['User:ANONYMOUS'],
    // Group joins and topic creations are the demo working as intended; keep the console quiet
    // unless something went wrong.
    log: (line) => {
      if (process.env.KAFSCOPE_BROKER_LOG || /fail|error|corrupt|refus|clos(e|ing) connection/i.test(line)) {
        opts.log(`broker: ${line}`);
      }
    },
  });
  opts.log(`embedded Kafka broker (${DEMO_NODES} nodes) at ${broker.bootstrap}, data in ${opts.dataDir}`);

  const kafka = new Kafka({
    clientId: 'kafscope-demo',
    brokers: broker.bootstrap.split(','),
    logLevel: process.env.KAFSCOPE_DEMO_DEBUG ? logLevel.WARN : logLevel.NOTHING,
    retry: { retries: 5 },
  });
  let registry: RunningSchemaRegistry | null = null;
  try {
    const registryPort = await findFreePorts(opts.registryPort, 1, opts.host);
    registry = await startSchemaRegistry({ bootstrap: broker.bootstrap.split(','), port: registryPort, host: opts.host, log: opts.log });
  } catch (err) {
    opts.log(`schema registry could not start (the format topics stay empty): ${(err as Error).message}`);
  }
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  let traffic: Traffic | null = null;
  let closed = false;
  // Seeding and traffic run in the background: the console is usable while the demo fills up.
  const ready = (async () => {
    try {
      await admin.connect();
      await producer.connect();
      await seedDemo({
        admin,
        producer,
        dataDir: opts.dataDir,
        enforceRetention: () => broker.cluster.enforceRetention(Date.now()),
        log: opts.log,
      });
      let formats: { registry: SchemaRegistry; ids: DemoSchemaIds } | undefined;
      if (registry && !closed) {
        const client = new SchemaRegistry({ host: registry.url });
        formats = { registry: client, ids: await registerDemoSchemas(client) };
        await seedFormats({ admin, producer, ...formats, dataDir: opts.dataDir, log: opts.log });
      }
      if (opts.traffic && !closed) traffic = await startTraffic(kafka, producer, { log: opts.log, formats });
      if (closed) traffic?.halt();
    } catch (err) {
      // The broker stays up: a console over a partly seeded demo beats no console.
      if (!closed) opts.log(`demo setup incomplete: ${(err as Error).message}`);
    }
  })();

  return {
    bootstrap: broker.bootstrap,
    broker,
    registryUrl: registry?.url ?? null,
    ready,
    async close() {
      if (closed) return;
      closed = true;
      await ready;
      await traffic?.stop();
      await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
      await registry?.close().catch(() => undefined);
      await broker.close();
    },
    closeSync() {
      if (closed) return;
      closed = true;
      traffic?.halt();
      broker.cluster.store.close();
    },
  };
}
