// The safety switches of issue "configuration and safety": which mutations this instance performs.
// Against a real cluster the destructive ones (delete topic, purge records, delete group) are off
// until an operator turns them on; the embedded demo cluster is a sandbox, so everything is on there.
// READ_ONLY wins over every other switch. The values reported here are the effective ones, so the
// UI can hide exactly what the server would refuse.
import 'server-only';
import type { FeatureSwitches } from '../schemas/settings';
import { readBool, type Env } from './errors';

export type Mutation = Exclude<keyof FeatureSwitches, 'readOnly'>;

/** Variable name, and its default against an external cluster, per switch. */
export const SWITCH_VARIABLES: Record<Mutation, { variable: string; externalDefault: boolean; meaning: string }> = {
  topicCreate: { variable: 'TOPIC_CREATE_ENABLED', externalDefault: true, meaning: 'create topics' },
  topicDelete: { variable: 'TOPIC_DELETE_ENABLED', externalDefault: false, meaning: 'delete topics' },
  messageSend: { variable: 'MESSAGE_SEND_ENABLED', externalDefault: true, meaning: 'produce messages' },
  offsetReset: { variable: 'OFFSET_RESET_ENABLED', externalDefault: true, meaning: 'reset consumer-group offsets' },
  recordsDelete: { variable: 'RECORDS_DELETE_ENABLED', externalDefault: false, meaning: 'purge records' },
  groupDelete: { variable: 'GROUP_DELETE_ENABLED', externalDefault: false, meaning: 'delete consumer groups' },
  aclEdit: { variable: 'ACL_EDIT_ENABLED', externalDefault: false, meaning: 'create and delete ACLs' },
  schemaEdit: { variable: 'SCHEMA_EDIT_ENABLED', externalDefault: false, meaning: 'change schemas in the schema registry' },
};

export function readSwitches(env: Env, embedded: boolean): FeatureSwitches {
  const readOnly = readBool(env, 'READ_ONLY', false);
  const out = { readOnly } as FeatureSwitches;
  for (const [key, spec] of Object.entries(SWITCH_VARIABLES) as [Mutation, (typeof SWITCH_VARIABLES)[Mutation]][]) {
    // Parse every variable even under READ_ONLY, so a typo is reported rather than hidden.
    const on = readBool(env, spec.variable, embedded ? true : spec.externalDefault);
    out[key] = on && !readOnly;
  }
  return out;
}
