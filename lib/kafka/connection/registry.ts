// The clusters this console serves, by name: their configuration (lib/config/current.ts), the addresses
// of the embedded demo broker and schema registry once they have started (handed over as values by the
// start-up code, never through process.env), and each cluster's clients, built on first use. Kept on globalThis because Next.js
// compiles the start-up hook and the route handlers into separate bundles (and reloads modules in
// dev): one registry per process, whatever module instance asks.
import 'server-only';
import { currentConsoleConfig, setConsoleConfig, type ClusterConfig, type ConsoleConfig } from '../../config';
import { notFound, unavailable } from '../errors';
import { createClusterClients, type ClusterClients } from './clients';

interface Registry {
  /** Bootstrap servers of embedded clusters, by name, once their broker runs. */
  embedded: Map<string, string[]>;
  /** Schema Registry URLs of embedded clusters, by name, once their registry runs. */
  embeddedRegistries: Map<string, string>;
  clients: Map<string, ClusterClients>;
}

const globalKey = Symbol.for('kafscope.kafka.registry');
function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  const reg = (g[globalKey] ??= { embedded: new Map(), embeddedRegistries: new Map(), clients: new Map() });
  // A registry made by an older module instance (dev reload) may predate this field.
  reg.embeddedRegistries ??= new Map();
  return reg;
}

/** Sets the console's configuration (start-up, tests). Clients of clusters whose connection changed
 * or that are gone are closed; the rest are kept. */
export function configureClusters(config: ConsoleConfig): void {
  const reg = registry();
  setConsoleConfig(config);
  for (const [name, c] of reg.clients) {
    const next = config.clusters.find((x) => x.name === name);
    if (!next || next.key !== c.config.key || next.mode !== c.config.mode) {
      reg.clients.delete(name);
      void c.close();
    } else {
      // Same connection: keep the sockets, take the new switches.
      c.config = next;
    }
  }
}

/** The embedded broker of cluster `name` now listens on `brokers`. */
export function attachEmbeddedBootstrap(name: string, brokers: string[]): void {
  const reg = registry();
  reg.embedded.set(name, brokers);
  const c = reg.clients.get(name);
  if (c && c.brokers.join(',') !== brokers.join(',')) {
    reg.clients.delete(name);
    void c.close();
  }
}

/** The embedded schema registry of cluster `name` now listens at `url`. */
export function attachEmbeddedSchemaRegistry(name: string, url: string): void {
  registry().embeddedRegistries.set(name, url);
}

/** A cluster's schema registry: configured, or the embedded one's once it runs (null without one). */
export function schemaRegistryOf(c: ClusterConfig): ClusterConfig['schemaRegistry'] {
  if (c.schemaRegistry) return c.schemaRegistry;
  if (c.mode !== 'embedded') return null;
  const url = registry().embeddedRegistries.get(c.name);
  return url ? { urls: [url] } : null;
}

/** The configuration in force (lib/config/current.ts). */
export function consoleConfig(): ConsoleConfig {
  return currentConsoleConfig();
}

export function listClusters(): ClusterConfig[] {
  return consoleConfig().clusters;
}

export function clusterConfig(name: string): ClusterConfig {
  const c = consoleConfig().clusters.find((x) => x.name === name);
  if (!c) throw notFound(`No cluster named "${name}" is configured.`);
  return c;
}

/** Bootstrap servers of a cluster: configured, or the embedded broker's once it runs ([] before). */
export function bootstrapOf(c: ClusterConfig): string[] {
  return c.mode === 'embedded' ? (registry().embedded.get(c.name) ?? []) : c.brokers;
}

/** The clients of cluster `name`: not-found for an unknown name, unavailable while the embedded
 * broker is starting. */
export function clientsFor(name: string): ClusterClients {
  const config = clusterConfig(name);
  const reg = registry();
  const existing = reg.clients.get(name);
  if (existing) return existing;
  const brokers = bootstrapOf(config);
  if (brokers.length === 0) throw unavailable(`The embedded broker of cluster "${name}" is still starting.`);
  const created = createClusterClients(config, brokers, consoleConfig());
  reg.clients.set(name, created);
  return created;
}

/** Clients already built (health, metrics): never builds one. */
export function existingClients(): ClusterClients[] {
  return [...registry().clients.values()];
}

/** Closes every cluster's clients (shutdown, a cold benchmark run); they are rebuilt on next use. */
export async function closeAllClients(): Promise<void> {
  const reg = registry();
  const all = [...reg.clients.values()];
  reg.clients.clear();
  await Promise.all(all.map((c) => c.close()));
}

/** Closes every client and forgets the configuration and embedded addresses (tests). */
export async function resetClusters(): Promise<void> {
  await closeAllClients();
  setConsoleConfig(null);
  registry().embedded.clear();
  registry().embeddedRegistries.clear();
}
