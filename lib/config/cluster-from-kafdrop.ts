// A Kafdrop deployment must move over by changing only the image: its KAFKA_BROKERCONNECT, security
// variables and KAFKA_PROPERTIES keep meaning what they meant, read by the same code as before
// (readConnection), and become one cluster among the list the console now serves. Kafdrop's schema
// registry variables are read too. These variables describe that one cluster only, so setting one
// without KAFKA_BROKERCONNECT is reported rather than ignored.
import 'server-only';
import { connectionKey, type ClusterConfig } from './cluster-config';
import type { ClusterNames } from './cluster-names';
import { effectiveSwitches, type SwitchDefaults } from './cluster-switches';
import { readConnection, type ReadFile } from './connection';
import { ConfigError, type Env } from './errors';
import type { FormatDefaults } from './message-formats';
import { resolveSchemaRegistry } from './schema-registry';

/** Variables that only describe the KAFKA_BROKERCONNECT cluster. */
export const KAFDROP_CLUSTER_VARIABLES = [
  'KAFKA_SASL_MECHANISM',
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD',
  'KAFKA_TLS_ENABLED',
  'KAFKA_TLS_CA_FILE',
  'KAFKA_TLS_CERT_FILE',
  'KAFKA_TLS_KEY_FILE',
  'KAFKA_PROPERTIES',
  'KAFSCOPE_CLUSTER_NAME',
  'SCHEMAREGISTRY_CONNECT',
  'SCHEMAREGISTRY_AUTH',
];

export function kafdropCluster(env: Env, names: ClusterNames, defaults: SwitchDefaults, readFile: ReadFile, formats: FormatDefaults): ClusterConfig {
  const name = names.take({ value: env.KAFSCOPE_CLUSTER_NAME?.trim() || 'default', at: 'KAFSCOPE_CLUSTER_NAME' });
  const { brokers, sasl, tls } = readConnection(env, readFile);
  return {
    name,
    mode: 'external',
    brokers,
    sasl,
    tls,
    switches: effectiveSwitches(defaults, undefined, {}),
    schemaRegistry: kafdropSchemaRegistry(env),
    formats,
    key: connectionKey(brokers, sasl, tls),
  };
}

/** SCHEMAREGISTRY_CONNECT (URL list) and SCHEMAREGISTRY_AUTH (`username:password`), as in Kafdrop. */
function kafdropSchemaRegistry(env: Env): ClusterConfig['schemaRegistry'] {
  const urls = env.SCHEMAREGISTRY_CONNECT?.trim();
  const auth = env.SCHEMAREGISTRY_AUTH;
  let credentials: { username: string; password: string } | undefined;
  if (auth?.trim()) {
    const colon = auth.indexOf(':');
    if (colon <= 0) throw new ConfigError('SCHEMAREGISTRY_AUTH', 'must be username:password');
    credentials = { username: auth.slice(0, colon), password: auth.slice(colon + 1) };
  }
  return resolveSchemaRegistry({
    urls: urls ? [{ value: urls, at: 'SCHEMAREGISTRY_CONNECT' }] : [],
    username: credentials && { value: credentials.username, at: 'SCHEMAREGISTRY_AUTH' },
    password: credentials && { value: credentials.password, at: 'SCHEMAREGISTRY_AUTH' },
    where: (setting) => (setting === 'schemaRegistry' ? 'SCHEMAREGISTRY_CONNECT' : 'SCHEMAREGISTRY_AUTH'),
  });
}

/** Reports a Kafdrop cluster variable set while KAFKA_BROKERCONNECT is not. */
export function rejectStrayKafdropVariables(env: Env): void {
  const stray = KAFDROP_CLUSTER_VARIABLES.find((v) => env[v]?.trim());
  if (stray) throw new ConfigError(stray, 'describes the cluster of KAFKA_BROKERCONNECT, which is not set (each configured cluster has its own settings)');
}
