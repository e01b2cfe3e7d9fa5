// Live validation of the create-topic form with the same rules the server (and Kafka) enforce, plus
// mapping of a server problem's `field` onto the form field it concerns.
import { CreateTopicRequestSchema, TopicName } from '@/lib/schemas/topic';

export type CreateField = 'name' | 'partitions' | 'replicationFactor' | 'configs';
export type FieldErrors = Partial<Record<CreateField, string>>;

export interface CreateDraft {
  name: string;
  partitions: string;
  replicationFactor: string;
  configs: { key: string; value: string }[];
}

export function nameError(name: string): string | undefined {
  if (name === '') return undefined; // not yet typed: no red text, the submit checks it
  const r = TopicName.safeParse(name);
  return r.success ? undefined : `Name ${r.error.issues[0]?.message ?? 'is invalid'}`;
}

/** Kafka warns that "." and "_" collide in metric names (a.b and a_b cannot both exist). */
export function nameHint(name: string): string | undefined {
  return /[._]/.test(name) ? 'Names with “.” or “_” can collide in metrics (a.b and a_b); use one of them consistently.' : undefined;
}

export function validateDraft(d: CreateDraft, brokers: number | undefined): FieldErrors {
  const errors: FieldErrors = {};
  const n = TopicName.safeParse(d.name);
  if (!n.success) errors.name = `Name ${n.error.issues[0]?.message ?? 'is invalid'}`;
  const p = Number(d.partitions);
  if (!Number.isInteger(p) || p < 1 || p > 100_000) errors.partitions = 'Partitions must be a whole number from 1 to 100,000';
  const rf = Number(d.replicationFactor);
  if (!Number.isInteger(rf) || rf < 1) errors.replicationFactor = 'Replication factor must be a whole number of at least 1';
  else if (brokers !== undefined && rf > brokers)
    errors.replicationFactor = `Replication factor cannot exceed the number of brokers (${brokers})`;
  const keys = d.configs.map((c) => c.key.trim()).filter(Boolean);
  if (new Set(keys).size !== keys.length) errors.configs = 'Each config may appear only once';
  else if (d.configs.some((c) => !c.key.trim() && c.value.trim())) errors.configs = 'A config value needs a name';
  return errors;
}

export function toRequest(d: CreateDraft) {
  const configs: Record<string, string> = {};
  for (const c of d.configs) if (c.key.trim()) configs[c.key.trim()] = c.value;
  return CreateTopicRequestSchema.parse({
    name: d.name,
    partitions: Number(d.partitions),
    replicationFactor: Number(d.replicationFactor),
    configs,
  });
}

/** "replicationFactor", "body.name", "configs.retention.ms" -> the form field it belongs to. */
export function fieldOf(serverField: string | undefined, status: number): CreateField | undefined {
  if (status === 409) return 'name';
  if (!serverField) return undefined;
  const f = serverField.replace(/^(body|request)\./, '');
  if (f.startsWith('configs')) return 'configs';
  if (f === 'name' || f === 'topic') return 'name';
  if (f === 'partitions' || f === 'numPartitions') return 'partitions';
  if (f === 'replicationFactor') return 'replicationFactor';
  return undefined;
}
