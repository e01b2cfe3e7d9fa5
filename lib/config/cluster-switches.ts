// With several clusters, one instance may be careful with production and relaxed with staging. The
// global switch variables (READ_ONLY, TOPIC_DELETE_ENABLED, ...) stay the defaults of every external
// cluster, so a single-cluster deployment keeps working; a cluster's own value wins over them. As
// before, read-only wins over every mutation, and the values kept are the effective ones.
import 'server-only';
import type { FeatureSwitches } from '../schemas/settings';
import type { Sourced } from './cluster-declaration';
import { readBool, type Env } from './errors';
import { SWITCH_VARIABLES, type Mutation } from './switches';

/** The global variables' values before read-only is applied: what a cluster inherits. */
export interface SwitchDefaults {
  readOnly: boolean;
  mutations: Record<Mutation, boolean>;
}

const MUTATIONS = Object.keys(SWITCH_VARIABLES) as Mutation[];

export function globalSwitchDefaults(env: Env): SwitchDefaults {
  const mutations = {} as Record<Mutation, boolean>;
  for (const m of MUTATIONS) mutations[m] = readBool(env, SWITCH_VARIABLES[m].variable, SWITCH_VARIABLES[m].externalDefault);
  return { readOnly: readBool(env, 'READ_ONLY', false), mutations };
}

/** A boolean given as a YAML boolean or as a word (true/false/1/0/yes/no), judged like a variable. */
export function boolAt(given: Sourced<boolean | string>, fallback: boolean): boolean {
  if (typeof given.value === 'boolean') return given.value;
  return readBool({ [given.at]: given.value }, given.at, fallback);
}

export function effectiveSwitches(
  defaults: SwitchDefaults,
  readOnlyGiven: Sourced<boolean | string> | undefined,
  given: Partial<Record<Mutation, Sourced<boolean | string>>>,
): FeatureSwitches {
  const readOnly = readOnlyGiven ? boolAt(readOnlyGiven, defaults.readOnly) : defaults.readOnly;
  const out = { readOnly } as FeatureSwitches;
  for (const m of MUTATIONS) {
    // Every value is parsed even under read-only, so a typo is reported rather than hidden.
    const g = given[m];
    const on = g ? boolAt(g, defaults.mutations[m]) : defaults.mutations[m];
    out[m] = on && !readOnly;
  }
  return out;
}
