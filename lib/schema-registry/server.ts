// Starts the embedded Confluent-compatible Schema Registry: the `_schemas` topic is read back into
// the state (so ids and versions survive restarts), then the HTTP API listens. One instance per
// cluster: it is the topic's only writer.
import 'server-only';
import { listen } from './http-server';
import { KafkaStore } from './kafka-store';
import type { CompatibilityLevel } from './records';
import { SchemaRegistry } from './registry';
import { RegistryState } from './state';

export interface SchemaRegistryOptions {
  /** Kafka bootstrap servers ("host:port"). */
  bootstrap: string[];
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** HTTP port; 0 = any free port. */
  port: number;
  log: (line: string) => void;
  /** The topic holding the registry's state (default "_schemas", as Confluent's). */
  topic?: string;
  /** The global compatibility level until one is set (default BACKWARD, as Confluent's). */
  defaultCompatibility?: CompatibilityLevel;
  /** How long a write may wait to be read back before failing with 50002 (default 30 s). */
  writeTimeoutMs?: number;
}

export interface RunningSchemaRegistry {
  /** "http://host:port", for clients. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startSchemaRegistry(options: SchemaRegistryOptions): Promise<RunningSchemaRegistry> {
  const host = options.host ?? '127.0.0.1';
  const topic = options.topic ?? '_schemas';
  const state = new RegistryState();
  const store = await KafkaStore.open({
    bootstrap: options.bootstrap,
    topic,
    apply: (key, value) => state.apply(key, value),
    log: options.log,
    ...(options.writeTimeoutMs !== undefined && { timeoutMs: options.writeTimeoutMs }),
  });
  const registry = new SchemaRegistry(state, store, options.defaultCompatibility ?? 'BACKWARD');
  let server;
  try {
    server = await listen(registry, host, options.port, options.log);
  } catch (err) {
    await store.close();
    throw err;
  }
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${server.port}`;
  options.log(`schema registry: ${url} (state in topic ${topic})`);
  const running = server;
  return {
    url,
    port: running.port,
    async close() {
      await running.close();
      await store.close();
    },
  };
}
