// What the rest of the console knows about one cluster, whichever way it was configured (Kafdrop's
// variables, kafbat's, a file, or the embedded demo): the connection clients are built from, the
// switches the route guard enforces, and what the browser may be told. The browser's view is built
// here, field by field, so a credential added to ClusterConfig later cannot leak by being spread.
import 'server-only';
import { createHash } from 'node:crypto';
import type { ClusterInfo } from '../schemas/cluster';
import type { MessageFormat } from '../schemas/message';
import type { FeatureSwitches } from '../schemas/settings';
import type { SaslMechanism } from './connection';
import type { TopicFormatRule } from './topic-formats';

export interface ClusterConfig {
  /** URL-safe (CLUSTER_NAME_SHAPE): it is the {cluster} segment of every URL. */
  name: string;
  mode: 'external' | 'embedded';
  /** host:port list; [] for the embedded demo, whose address is attached when its broker runs. */
  brokers: string[];
  sasl: { mechanism: SaslMechanism; username: string; password: string } | null;
  /** null = plaintext; {} = TLS with the system CAs; else PEM material. */
  tls: { ca?: string; cert?: string; key?: string } | null;
  /** Effective values: read-only has already turned every mutation off. */
  switches: FeatureSwitches;
  schemaRegistry: { urls: string[]; username?: string; password?: string } | null;
  /** How keys and values are read when a request does not say (message-formats.ts). */
  formats: { key: MessageFormat; value: MessageFormat };
  /** Formats per topic pattern for this cluster, over `formats` (topic-formats.ts); absent: none. */
  topicFormats?: TopicFormatRule[];
  /** A digest of the connection fields: equal connections share clients, and no secret is kept in it. */
  key: string;
}

/** The embedded demo cluster's name, fixed so its URLs are the same on every machine. */
export const DEMO_CLUSTER_NAME = 'demo';

/** The same digest Connection.key has, so a Kafdrop cluster keeps its key across the two configs. */
export function connectionKey(brokers: string[], sasl: ClusterConfig['sasl'], tls: ClusterConfig['tls']): string {
  return createHash('sha256').update(JSON.stringify({ brokers, sasl, tls })).digest('hex').slice(0, 16);
}

/** What the browser may know of a cluster: never credentials, nor the registry's URLs. `registry`:
 * whether it has one now (the embedded demo's is attached once it runs). */
export function publicClusterInfo(c: ClusterConfig, bootstrap: string[], registry = c.schemaRegistry !== null): ClusterInfo {
  return {
    name: c.name,
    mode: c.mode,
    bootstrap: bootstrap.join(','),
    switches: { ...c.switches },
    schemaRegistry: registry,
  };
}
