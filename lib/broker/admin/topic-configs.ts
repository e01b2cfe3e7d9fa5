// A topic's configs as DescribeConfigs reports them and AlterConfigs replaces them. Keys, defaults
// and validation all come from topic-config.ts; this file only adds Kafka's reporting rules (source,
// default flag, synonyms) and AlterConfigs' full-replace check. A key the topic does not override
// reports the dynamic broker-level value its partitions use when one is set (DYNAMIC_BROKER_CONFIG or
// DYNAMIC_DEFAULT_BROKER_CONFIG, as Kafka does), else Kafka's default.
import type { TopicState } from '../cluster/cluster';
import { TOPIC_CONFIG_KEYS, validateTopicConfig } from '../topic-config';
import { ConfigSource, type DescribedConfig } from './config-source';
import type { BrokerLevelSource } from './dynamic-broker-configs';

/** A topic key's broker-level dynamic value for this topic, if one is set. */
export type BrokerLevelLookup = (topicKey: string) => { value: string; source: BrokerLevelSource } | undefined;

export function describeTopicConfigs(
  topic: TopicState,
  keys: readonly string[] | null,
  synonyms: boolean,
  brokerLevel: BrokerLevelLookup = () => undefined,
): DescribedConfig[] {
  const wanted = keys === null ? null : new Set(keys);
  return TOPIC_CONFIG_KEYS.filter((k) => wanted === null || wanted.has(k.name)).map((k) => {
    const own = topic.configs[k.name];
    const sensitive = k.sensitive ?? false;
    const shown = (v: string) => (sensitive ? null : v);
    const chain: DescribedConfig['synonyms'] = [];
    if (own !== undefined) chain.push({ name: k.name, value: shown(own), source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
    const inherited = brokerLevel(k.name);
    if (inherited !== undefined) {
      const source = inherited.source === 'node' ? ConfigSource.DYNAMIC_BROKER_CONFIG : ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG;
      chain.push({ name: k.brokerSynonym, value: shown(inherited.value), source });
    }
    chain.push({ name: k.brokerSynonym, value: shown(k.defaultValue), source: ConfigSource.DEFAULT_CONFIG });
    const winner = chain[0]!;
    return {
      name: k.name,
      value: winner.value,
      readOnly: k.readOnly ?? false,
      isDefault: winner.source === ConfigSource.DEFAULT_CONFIG,
      configSource: winner.source,
      isSensitive: sensitive,
      synonyms: synonyms ? chain : [],
    };
  });
}

/**
 * The complete new override set for AlterConfigs (keys not given return to their defaults), or the
 * first problem as Kafka words it.
 */
export function replacementConfigs(configs: readonly { name: string; value: string | null }[]): { ok: true; configs: Record<string, string> } | { ok: false; message: string } {
  const out: Record<string, string> = {};
  for (const c of configs) {
    const problem = validateTopicConfig(c.name, c.value);
    if (problem) return { ok: false, message: problem };
    out[c.name] = c.value!.trim();
  }
  return { ok: true, configs: out };
}
