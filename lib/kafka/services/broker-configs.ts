// Dynamic broker configs: one broker's own (resource "<id>") or the cluster-wide default (resource
// ""), read with DescribeConfigs and changed key by key. IncrementalAlterConfigs (Kafka 2.3+) sets or
// deletes just the keys named, sent to the broker concerned (the default to the controller, or any
// live broker). A broker that does not serve it gets the old AlterConfigs, which replaces the whole
// dynamic set of that resource: the current dynamic entries are read first and the changes applied
// on top (plannedAlterConfigs), so keys nobody named survive. Kafka's refusal comes back with its own
// message ("Cannot update these configs dynamically: ..."), as a 400 naming the configs.
import 'server-only';
import { ConfigResourceTypes } from 'kafkajs';
import type { ConfigEntry } from '../../schemas/config';
import { errorName } from '../../common/kafka-error-codes';
import { notFound, rejected, unavailable } from '../errors';
import { invalidate } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { brokerFor } from '../connection/captured-cluster';
import type { RawBroker } from '../connection/kafkajs-types';
import { API_INCREMENTAL_ALTER_CONFIGS, CONFIG_OP, type ConfigChangeAnswer } from '../connection/own-requests';
import { alterConfigsOn, describeConfigsOn, incrementalAlterConfigsOn, supports } from '../connection/raw-requests';
import { describeBrokerConfigs } from '../reading/configs';
import { controllerOrAnyLive, loadMetadata } from '../reading/metadata';
import { brokerOn } from '../reading/reader-broker';

/** A broker's id, or the cluster-wide default. */
export type BrokerConfigTarget = number | 'default';

const resourceName = (target: BrokerConfigTarget) => (target === 'default' ? '' : String(target));
const DYNAMIC_SOURCES = new Set([2 /* DYNAMIC_BROKER_CONFIG */, 3 /* DYNAMIC_DEFAULT_BROKER_CONFIG */]);

async function targetNode(clients: ClusterClients, target: BrokerConfigTarget): Promise<number> {
  const meta = await loadMetadata(clients);
  if (target !== 'default') {
    if (!meta.brokers.some((b) => b.id === target)) throw notFound(`Broker ${target} is not part of the cluster.`);
    return target;
  }
  const node = controllerOrAnyLive(meta);
  if (node === undefined) throw unavailable('No broker of the cluster is reachable.');
  return node;
}

/** The configs of one broker (every entry), or the cluster-wide dynamic defaults. */
export async function brokerConfigs(clients: ClusterClients, target: BrokerConfigTarget): Promise<ConfigEntry[]> {
  if (target !== 'default') {
    await targetNode(clients, target);
    return (await describeBrokerConfigs(clients, target)).get(String(target)) ?? [];
  }
  const node = await targetNode(clients, target);
  const answer = await clients.lanes.interactive.run(async (cluster) => describeConfigsOn(await brokerOn(cluster, node), [{ type: ConfigResourceTypes.BROKER, name: '' }]));
  const r = answer.resources[0];
  if (!r || r.errorCode !== 0) throw rejected(errorName(r?.errorCode ?? -1), 'The cluster did not describe its default broker configs.');
  return r.configEntries
    .filter((e) => !e.isSensitive || e.configValue !== null)
    .map((e) => ({
      name: e.configName,
      value: e.isSensitive ? null : e.configValue,
      source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' as const,
      isDefault: false,
      isSensitive: e.isSensitive ?? false,
      readOnly: e.readOnly ?? false,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The full dynamic set AlterConfigs must be sent: the current dynamic entries with the changes on top. */
export function plannedAlterConfigs(current: { name: string; value: string | null; dynamic: boolean }[], changes: Record<string, string | null>): { name: string; value: string }[] {
  const next = new Map(current.filter((e) => e.dynamic && e.value !== null).map((e) => [e.name, e.value!]));
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) next.delete(k);
    else next.set(k, v);
  }
  return [...next].map(([name, value]) => ({ name, value }));
}

/** The old way: read the resource's dynamic entries, send them back with the changes applied. */
export async function alterWithFullSet(broker: RawBroker, target: BrokerConfigTarget, changes: Record<string, string | null>): Promise<ConfigChangeAnswer> {
  const name = resourceName(target);
  const described = await describeConfigsOn(broker, [{ type: ConfigResourceTypes.BROKER, name }]);
  const r = described.resources[0];
  if (r && r.errorCode !== 0) return { resources: [{ errorCode: r.errorCode, errorMessage: null, resourceType: ConfigResourceTypes.BROKER, resourceName: name }] };
  const wanted = target === 'default' ? 3 : 2;
  const current = (r?.configEntries ?? []).map((e) => ({
    name: e.configName,
    value: e.configValue,
    // Before KIP-226's config sources (DescribeConfigs v0), nothing reported is known to be dynamic.
    dynamic: e.configSource === undefined ? false : DYNAMIC_SOURCES.has(e.configSource) && e.configSource === wanted,
  }));
  return alterConfigsOn(broker, [{ type: ConfigResourceTypes.BROKER, name, configEntries: plannedAlterConfigs(current, changes) }]);
}

export async function updateBrokerConfigs(clients: ClusterClients, target: BrokerConfigTarget, changes: Record<string, string | null>): Promise<ConfigEntry[]> {
  const node = await targetNode(clients, target);
  const answer = await clients.writes.raw(async (cluster) => {
    const broker = await brokerFor(cluster, node);
    if (!supports(broker, API_INCREMENTAL_ALTER_CONFIGS)) return alterWithFullSet(broker, target, changes);
    const configs = Object.entries(changes).map(([name, value]) => ({ name, op: value === null ? CONFIG_OP.DELETE : CONFIG_OP.SET, value }));
    return incrementalAlterConfigsOn(broker, [{ type: ConfigResourceTypes.BROKER, name: resourceName(target), configs }]);
  });
  const failed = answer.resources.find((r) => r.errorCode !== 0);
  if (failed) {
    const kafkaError = errorName(failed.errorCode);
    throw rejected(kafkaError, failed.errorMessage || `Kafka refused the broker configuration (${kafkaError}).`, 'configs');
  }
  invalidate.brokerConfigs(clients.cache);
  return brokerConfigs(clients, target);
}
