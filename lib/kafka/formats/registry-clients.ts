// Each cluster's registry client, kept for the life of the process so its schema cache serves every
// page and search of that cluster. Rebuilt when the cluster's registry settings change (a new
// configuration, or the embedded registry attached). Deliberately per module instance, not on
// globalThis: Next.js bundles pages and route handlers separately, each with its own copy of the
// decoders' classes (the Avro logical type, protobufjs' Type), and a schema parsed in one bundle
// fails the other's instanceof checks — a page's first render then showed Avro records as binary.
import 'server-only';
import type { ClusterConfig } from '../../config';
import { schemaRegistryOf } from '../connection/registry';
import { RegistryApi } from './registry-api';
import { RegistryClient, type RegistryClientOptions } from './registry-client';

interface Held {
  settings: string;
  client: RegistryClient;
}

const clients = new Map<string, Held>();
function held(): Map<string, Held> {
  return clients;
}

/** Options for clients built from now on (tests shorten the timeout). */
let defaults: RegistryClientOptions = {};
export function setRegistryClientDefaults(options: RegistryClientOptions): void {
  defaults = options;
  held().clear();
}

/** The cluster's registry client; null when it has no registry. */
export function registryClientFor(config: ClusterConfig): RegistryClient | null {
  const settings = schemaRegistryOf(config);
  const all = held();
  if (!settings) {
    all.delete(config.name);
    return null;
  }
  const fingerprint = JSON.stringify(settings);
  const existing = all.get(config.name);
  if (existing && existing.settings === fingerprint) return existing.client;
  const client = new RegistryClient(settings, defaults);
  all.set(config.name, { settings: fingerprint, client });
  return client;
}

/** The cluster's registry REST API for the schema pages; null when it has no registry. */
export function registryApiFor(config: ClusterConfig): RegistryApi | null {
  const settings = schemaRegistryOf(config);
  return settings ? new RegistryApi(settings, defaults.timeoutMs) : null;
}
