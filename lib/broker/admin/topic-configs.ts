// A topic's configs as DescribeConfigs reports them and AlterConfigs replaces them. Keys, defaults
// and validation all come from topic-config.ts; this file only adds Kafka's reporting rules (source,
// default flag, synonyms) and AlterConfigs' full-replace check.
import type { TopicState } from '../cluster/cluster';
import { TOPIC_CONFIG_KEYS, validateTopicConfig } from '../topic-config';
import { ConfigSource, type DescribedConfig } from './config-source';

export function describeTopicConfigs(topic: TopicState, keys: readonly string[] | null, synonyms: boolean): DescribedConfig[] {
  const wanted = keys === null ? null : new Set(keys);
  return TOPIC_CONFIG_KEYS.filter((k) => wanted === null || wanted.has(k.name)).map((k) => {
    const own = topic.configs[k.name];
    const sensitive = k.sensitive ?? false;
    const shown = (v: string) => (sensitive ? null : v);
    const chain: DescribedConfig['synonyms'] = [];
    if (own !== undefined) chain.push({ name: k.name, value: shown(own), source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
    chain.push({ name: k.brokerSynonym, value: shown(k.defaultValue), source: ConfigSource.DEFAULT_CONFIG });
    return {
      name: k.name,
      value: shown(own ?? k.defaultValue),
      readOnly: k.readOnly ?? false,
      isDefault: own === undefined,
      configSource: own === undefined ? ConfigSource.DEFAULT_CONFIG : ConfigSource.DYNAMIC_TOPIC_CONFIG,
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
