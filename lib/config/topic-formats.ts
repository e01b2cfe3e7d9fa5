// Formats per topic pattern: a cluster's topics are rarely all of one kind (Avro payments beside
// plain-text logs), so a page that names no format reads each topic as its first matching rule says,
// and the cluster's default otherwise. Rules come from KAFSCOPE_TOPIC_FORMATS (a JSON list, whichever
// way the clusters are configured) or the configuration file's top-level `topicFormats:` list (whose
// mistakes name their line); file rules come first. A rule names clusters and topics with the same
// patterns as roles (a glob, or /a regex/), and a key format, a value format or both, in the console's
// names or Kafdrop's (AVRO, PROTOBUF, MSGPACK, ...).
import 'server-only';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { MessageFormat } from '../schemas/message';
import { matchesPattern, NamePatternSchema } from '../schemas/permissions';
import { locator, shapeError } from './clusters-from-file';
import { readJson, type Env } from './errors';
import { parseMessageFormat } from './message-formats';

const RuleSchema = z
  .strictObject({
    /** Cluster name patterns; absent: every cluster. */
    clusters: z.array(NamePatternSchema).min(1).default(['*']),
    topics: z.array(NamePatternSchema).min(1),
    keyFormat: z.string().min(1).optional(),
    valueFormat: z.string().min(1).optional(),
  })
  .refine((r) => r.keyFormat !== undefined || r.valueFormat !== undefined, { error: 'needs keyFormat, valueFormat or both' });
const RulesSchema = z.array(RuleSchema);

export interface TopicFormatRule {
  clusters: string[];
  topics: string[];
  key?: MessageFormat;
  value?: MessageFormat;
}

function resolved(rule: z.infer<typeof RuleSchema>, at: (field: 'keyFormat' | 'valueFormat') => string): TopicFormatRule {
  return {
    clusters: rule.clusters,
    topics: rule.topics,
    ...(rule.keyFormat !== undefined && { key: parseMessageFormat({ value: rule.keyFormat, at: at('keyFormat') }) }),
    ...(rule.valueFormat !== undefined && { value: parseMessageFormat({ value: rule.valueFormat, at: at('valueFormat') }) }),
  };
}

function fromEnv(env: Env): TopicFormatRule[] {
  const name = 'KAFSCOPE_TOPIC_FORMATS';
  const rules = readJson(env, name, RulesSchema, 'must be a JSON list of rules such as [{"topics":["payments.*"],"valueFormat":"avro"}]') ?? [];
  return rules.map((r, i) => resolved(r, (field) => `${name} (rule ${i}, ${field})`));
}

function fromFile(file: { path: string; text: string } | null): TopicFormatRule[] {
  if (!file) return [];
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locate = locator(file.path, doc, lines);
  const content = doc.toJS({ maxAliasCount: 100 }) as { topicFormats?: unknown } | null;
  if (!content || content.topicFormats === undefined) return [];
  const parsed = RulesSchema.safeParse(content.topicFormats);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ ...i, path: ['topicFormats', ...i.path] }));
    throw shapeError(issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0], locate);
  }
  return parsed.data.map((r, i) => resolved(r, (field) => locate.at(['topicFormats', i, field])));
}

/** Every rule, the file's first. */
export function readTopicFormats(env: Env, file: { path: string; text: string } | null): TopicFormatRule[] {
  return [...fromFile(file), ...fromEnv(env)];
}

/** The rules that apply to cluster `name`, in order. */
export function rulesOfCluster(rules: readonly TopicFormatRule[], name: string): TopicFormatRule[] {
  return rules.filter((r) => r.clusters.some((c) => matchesPattern(c, name)));
}

/** A topic's formats: each from the first rule that matches the topic and sets it, else the default. */
export function topicFormats(rules: readonly TopicFormatRule[], topic: string, defaults: { key: MessageFormat; value: MessageFormat }): { key: MessageFormat; value: MessageFormat } {
  let key: MessageFormat | undefined;
  let value: MessageFormat | undefined;
  for (const r of rules) {
    if (!r.topics.some((t) => matchesPattern(t, topic))) continue;
    key ??= r.key;
    value ??= r.value;
    if (key && value) break;
  }
  return { key: key ?? defaults.key, value: value ?? defaults.value };
}
