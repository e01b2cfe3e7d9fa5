// Decode orchestration for a batch of records (a page, or one chunk of a search): the formats asked
// for (or the cluster's defaults), then the distinct schema ids the batch names, resolved at once
// through the cluster's registry client, then a synchronous DecodeChoice the records are decoded
// with (lib/decode/decode-step.ts). So a page waits for its registry lookups once, in parallel, and
// a registry outage costs at most one timeout per batch.
import 'server-only';
import { currentConsoleConfig, topicFormats, type ClusterConfig } from '../../config';
import { schemaIdOf, type DecodeChoice } from '../../decode';
import type { MessageFormat } from '../../schemas/message';
import type { ReadRecord } from '../reading/reader';
import { descriptorChoice } from './descriptor-files';
import { registryClientFor } from './registry-clients';

export interface FormatRequest {
  keyFormat?: MessageFormat | undefined;
  valueFormat?: MessageFormat | undefined;
  protobufDesc?: string | undefined;
  protobufType?: string | undefined;
}

/** The formats in force: the request's, else the topic's by the cluster's topic patterns, else the
 * cluster's defaults. */
export function formatsFor(config: ClusterConfig, q: FormatRequest, topic: string): { keyFormat: MessageFormat; valueFormat: MessageFormat } {
  const d = topicFormats(config.topicFormats ?? [], topic, config.formats);
  return { keyFormat: q.keyFormat ?? d.key, valueFormat: q.valueFormat ?? d.value };
}

export async function decodingFor(config: ClusterConfig, records: readonly ReadRecord[], q: FormatRequest, topic: string): Promise<DecodeChoice> {
  const { keyFormat, valueFormat } = formatsFor(config, q, topic);
  const descriptor = valueFormat === 'protobuf' ? descriptorChoice(currentConsoleConfig().protobufDescriptors, topic, q.protobufDesc, q.protobufType) : undefined;
  const described = descriptor ? { valueDescriptor: descriptor } : {};
  const client = registryClientFor(config);
  if (!client) return { keyFormat, valueFormat, lookup: null, ...described };
  const ids = new Set<number>();
  for (const r of records) {
    if (!r.raw) continue;
    const k = schemaIdOf(r.raw.key, keyFormat);
    if (k !== null) ids.add(k);
    const v = schemaIdOf(r.raw.value, valueFormat);
    if (v !== null) ids.add(v);
  }
  const answers = ids.size > 0 ? await client.resolve(ids) : new Map();
  return {
    keyFormat,
    valueFormat,
    lookup: (id) => answers.get(id) ?? { error: `schema id ${id} was not looked up` },
    ...described,
  };
}
