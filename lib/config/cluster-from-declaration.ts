// The one place that judges a declared cluster, whether it came from kafbat-style variables or a
// file: the same rules, the same messages, each pointing at where the faulty value was given.
import 'server-only';
import type { ClusterDeclaration } from './cluster-declaration';
import { connectionKey, type ClusterConfig } from './cluster-config';
import type { ClusterNames } from './cluster-names';
import { resolveSecurity } from './cluster-security';
import { effectiveSwitches, type SwitchDefaults } from './cluster-switches';
import { parseBrokerList, type ReadFile } from './connection';
import { ConfigError } from './errors';
import { clusterFormats, type FormatDefaults } from './message-formats';
import { resolveSchemaRegistry } from './schema-registry';

export interface ResolveContext {
  names: ClusterNames;
  defaults: SwitchDefaults;
  readFile: ReadFile;
  formats: FormatDefaults;
}

export function resolveCluster(d: ClusterDeclaration, ctx: ResolveContext): ClusterConfig {
  const name = ctx.names.take(d.name);
  if (d.bootstrapServers.length === 0) throw new ConfigError(d.where('bootstrapServers'), 'is required');
  const brokers = d.bootstrapServers.flatMap((entry) => parseBrokerList(entry.at, entry.value));
  const { sasl, tls } = resolveSecurity(d.properties, d.where, ctx.readFile);
  return {
    name,
    mode: 'external',
    brokers,
    sasl,
    tls,
    switches: effectiveSwitches(ctx.defaults, d.readOnly, d.switches),
    schemaRegistry: resolveSchemaRegistry({
      urls: d.schemaRegistry,
      username: d.schemaRegistryUsername,
      password: d.schemaRegistryPassword,
      where: d.where,
    }),
    formats: clusterFormats(ctx.formats, d.defaultKeyFormat, d.defaultValueFormat),
    key: connectionKey(brokers, sasl, tls),
  };
}
