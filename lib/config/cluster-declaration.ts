// A cluster can be declared in environment variables (kafbat's KAFKA_CLUSTERS_<n>_*) or in a file,
// and both must be checked by the same rules with the same words. So each source only transcribes
// what it was given into this neutral form, every value carrying where it was given (the variable,
// or file:line and path); one resolver (cluster-from-declaration.ts) then judges them all, and its
// errors point at the exact place to fix.
import 'server-only';
import type { Mutation } from './switches';

/** A value and where it was given, in the words an error message uses to name that place. */
export interface Sourced<T> {
  value: T;
  /** A variable name (`KAFKA_CLUSTERS_0_NAME`) or `file:line: path` (`/etc/k.yaml:7: clusters[1].name`). */
  at: string;
}

/** The Kafka client properties Kafscope understands, as kafbat and the Java client spell them. */
export const CLIENT_PROPERTIES = [
  'security.protocol',
  'sasl.mechanism',
  'sasl.jaas.config',
  'ssl.truststore.location',
  'ssl.truststore.type',
  'ssl.ca.location',
  'ssl.certificate.location',
  'ssl.key.location',
] as const;
export type ClientProperty = (typeof CLIENT_PROPERTIES)[number];

/** A setting that may be absent, named so each source can say where it would have been given. */
export type Setting =
  | 'name'
  | 'bootstrapServers'
  | 'schemaRegistry'
  | 'schemaRegistryAuth.username'
  | 'schemaRegistryAuth.password'
  | `properties.${ClientProperty}`;

export interface ClusterDeclaration {
  name: Sourced<string>;
  /** Each entry is a comma-separated host:port list: a whole variable, or one item of a file's list. */
  bootstrapServers: Sourced<string>[];
  readOnly?: Sourced<boolean | string>;
  switches: Partial<Record<Mutation, Sourced<boolean | string>>>;
  properties: Partial<Record<ClientProperty, Sourced<string>>>;
  /** Comma-separated URL lists, as bootstrapServers. */
  schemaRegistry: Sourced<string>[];
  schemaRegistryUsername?: Sourced<string>;
  schemaRegistryPassword?: Sourced<string>;
  /** Message formats (message-formats.ts): the cluster's defaults for keys and values. */
  defaultKeyFormat?: Sourced<string>;
  defaultValueFormat?: Sourced<string>;
  /** Where a setting that is absent would be given, for messages such as "is required". */
  where(setting: Setting): string;
}
