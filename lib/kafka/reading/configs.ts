// DescribeConfigs for topics and brokers, reshaped into ConfigEntry DTOs (sensitive values never
// leave the server), batched into one request per call and cached briefly. Sent through a reader's
// connection with per-resource errors as values (raw-requests.ts): topic configs to the controller
// (any live broker when it is down), a broker's configs to that broker.
import 'server-only';
import { ConfigResourceTypes } from 'kafkajs';
import type { ConfigEntry } from '../../schemas/config';
import { cacheKeys } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { controllerOrAnyLive, loadMetadata } from './metadata';
import { describeConfigsOn } from '../connection/raw-requests';
import { brokerOn } from './reader-broker';

const SOURCES = [
  'UNKNOWN',
  'DYNAMIC_TOPIC_CONFIG',
  'DYNAMIC_BROKER_CONFIG',
  'DYNAMIC_DEFAULT_BROKER_CONFIG',
  'STATIC_BROKER_CONFIG',
  'DEFAULT_CONFIG',
  'DYNAMIC_BROKER_LOGGER_CONFIG',
] as const;

interface RawEntry {
  configName: string;
  configValue: string | null;
  isDefault?: boolean;
  configSource?: number;
  isSensitive?: boolean;
  readOnly?: boolean;
}

function toEntry(e: RawEntry, overrideSource: ConfigEntry['source']): ConfigEntry {
  const source = e.configSource !== undefined ? (SOURCES[e.configSource] ?? 'UNKNOWN') : e.isDefault ? 'DEFAULT_CONFIG' : overrideSource;
  const isSensitive = e.isSensitive ?? false;
  return {
    name: e.configName,
    value: isSensitive ? null : (e.configValue ?? null),
    source,
    isDefault: e.isDefault ?? source === 'DEFAULT_CONFIG',
    isSensitive,
    readOnly: e.readOnly ?? false,
  };
}

async function describe(clients: ClusterClients, type: ConfigResourceTypes, names: string[]): Promise<Map<string, ConfigEntry[]>> {
  if (names.length === 0) return new Map();
  return clients.cache.get(cacheKeys.configs(type, names), async () => {
    const meta = await loadMetadata(clients);
    const target = type === ConfigResourceTypes.BROKER ? Number(names[0]) : controllerOrAnyLive(meta);
    if (target === undefined) return new Map<string, ConfigEntry[]>();
    const res = await clients.lanes.interactive.run(async (cluster) =>
      describeConfigsOn(await brokerOn(cluster, target), names.map((name) => ({ type, name }))),
    );
    const out = new Map<string, ConfigEntry[]>();
    const fallback = type === ConfigResourceTypes.TOPIC ? 'DYNAMIC_TOPIC_CONFIG' : 'STATIC_BROKER_CONFIG';
    for (const r of res.resources as { resourceName: string; errorCode: number; configEntries: RawEntry[] }[]) {
      if (r.errorCode !== 0) continue;
      out.set(r.resourceName, r.configEntries.map((e) => toEntry(e, fallback)).sort((a, b) => a.name.localeCompare(b.name)));
    }
    return out;
  });
}

export const describeTopicConfigs = (clients: ClusterClients, topics: string[]) => describe(clients, ConfigResourceTypes.TOPIC, topics);
export const describeBrokerConfigs = (clients: ClusterClients, id: number) => describe(clients, ConfigResourceTypes.BROKER, [String(id)]);

/** True when a topic has any config set on the topic itself. */
export const isCustomised = (entries: ConfigEntry[]) => entries.some((e) => e.source === 'DYNAMIC_TOPIC_CONFIG' && !e.isDefault);
