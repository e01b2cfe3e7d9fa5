// What IncrementalAlterConfigs and AlterConfigs turn a resource's config overrides into, as pure
// functions of the current overrides and the request (the handlers then apply and persist). Kafka's
// rules: SET replaces a value, DELETE returns it to its default, APPEND adds list items not already
// present (starting from the current value, else the default) and SUBTRACT removes them — both only
// for list-typed configs; a key named twice in one resource is INVALID_REQUEST. Topic problems answer
// INVALID_CONFIG; broker ones INVALID_REQUEST worded as Kafka's "Invalid config value for resource"
// (APPEND/SUBTRACT on a broker config, which none of the dynamic ones is a list, INVALID_CONFIG).
import { ErrorCode } from '../../common/kafka-error-codes';
import { effectiveTopicConfig, topicConfigKey, validateTopicConfig } from '../topic-config';
import { brokerConfigProblem } from './dynamic-broker-configs';

export const ConfigOperation = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

export interface ConfigChange {
  name: string;
  configOperation: number;
  value: string | null;
}

export type ConfigOutcome = { ok: true; configs: Record<string, string> } | { ok: false; errorCode: number; message: string };

const fail = (errorCode: number, message: string): ConfigOutcome => ({ ok: false, errorCode, message });

const listItems = (v: string) => v.split(',').map((s) => s.trim()).filter((s) => s !== '');

function duplicateKey(changes: readonly { name: string }[]): boolean {
  return new Set(changes.map((c) => c.name)).size !== changes.length;
}

/** A topic's new override set after IncrementalAlterConfigs' operations. */
export function incrementalTopicConfigs(current: Readonly<Record<string, string>>, changes: readonly ConfigChange[]): ConfigOutcome {
  if (duplicateKey(changes)) return fail(ErrorCode.INVALID_REQUEST, 'Error due to duplicate config keys');
  const next: Record<string, string> = { ...current };
  for (const c of changes) {
    switch (c.configOperation) {
      case ConfigOperation.SET:
        if (c.value === null) return fail(ErrorCode.INVALID_REQUEST, `Null value not supported for: ${c.name}`);
        next[c.name] = c.value.trim();
        break;
      case ConfigOperation.DELETE:
        delete next[c.name];
        break;
      case ConfigOperation.APPEND:
      case ConfigOperation.SUBTRACT: {
        const verb = c.configOperation === ConfigOperation.APPEND ? 'append' : 'subtract';
        const key = topicConfigKey(c.name);
        if (!key) return fail(ErrorCode.INVALID_CONFIG, `Unknown topic config name: ${c.name}`);
        if (key.type !== 'list') return fail(ErrorCode.INVALID_CONFIG, `Config value ${verb} is not allowed for config key: ${c.name}`);
        const old = listItems(next[c.name] ?? effectiveTopicConfig({}, c.name));
        const given = listItems(c.value ?? '');
        const items = verb === 'append' ? [...old, ...given.filter((v) => !old.includes(v))] : old.filter((v) => !given.includes(v));
        next[c.name] = items.join(',');
        break;
      }
      default:
        return fail(ErrorCode.INVALID_REQUEST, `Unknown alter config operation type ${c.configOperation} for ${c.name}`);
    }
  }
  for (const [name, value] of Object.entries(next)) {
    if (current[name] === value) continue;
    const problem = validateTopicConfig(name, value);
    if (problem) return fail(ErrorCode.INVALID_CONFIG, problem);
  }
  return { ok: true, configs: next };
}

/** Kafka's prefix for a broker config it will not take: "Invalid config value for resource ...". */
function brokerRefusal(resourceName: string, message: string): ConfigOutcome {
  return fail(ErrorCode.INVALID_REQUEST, `Invalid config value for resource ConfigResource(type=BROKER, name='${resourceName}'): ${message}`);
}

/** A broker entity's new dynamic config set after IncrementalAlterConfigs' operations. */
export function incrementalBrokerConfigs(
  current: Readonly<Record<string, string>>,
  changes: readonly ConfigChange[],
  resourceName: string,
): ConfigOutcome {
  if (duplicateKey(changes)) return fail(ErrorCode.INVALID_REQUEST, 'Error due to duplicate config keys');
  const next: Record<string, string> = { ...current };
  for (const c of changes) {
    switch (c.configOperation) {
      case ConfigOperation.SET: {
        const problem = brokerConfigProblem(c.name, c.value);
        if (problem) return brokerRefusal(resourceName, problem);
        next[c.name] = c.value!.trim();
        break;
      }
      case ConfigOperation.DELETE:
        delete next[c.name];
        break;
      case ConfigOperation.APPEND:
      case ConfigOperation.SUBTRACT: {
        const verb = c.configOperation === ConfigOperation.APPEND ? 'append' : 'subtract';
        return fail(ErrorCode.INVALID_CONFIG, `Config value ${verb} is not allowed for config key: ${c.name}`);
      }
      default:
        return fail(ErrorCode.INVALID_REQUEST, `Unknown alter config operation type ${c.configOperation} for ${c.name}`);
    }
  }
  return { ok: true, configs: next };
}

/** AlterConfigs on a broker entity: the given configs become its whole dynamic set. */
export function replacementBrokerConfigs(configs: readonly { name: string; value: string | null }[], resourceName: string): ConfigOutcome {
  if (duplicateKey(configs)) return fail(ErrorCode.INVALID_REQUEST, 'Error due to duplicate config keys');
  const next: Record<string, string> = {};
  for (const c of configs) {
    const problem = brokerConfigProblem(c.name, c.value);
    if (problem) return brokerRefusal(resourceName, problem);
    next[c.name] = c.value!.trim();
  }
  return { ok: true, configs: next };
}
