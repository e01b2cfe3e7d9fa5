// A cluster's name is the {cluster} segment of every URL, so it must be URL-safe and unique. kafbat
// accepts any string as a name; a kafbat user moving over needs to hear that Kafscope does not, and
// why, at the variable or line where the name was given. The demo's name is reserved while it runs.
import 'server-only';
import { CLUSTER_NAME_SHAPE } from '../schemas/cluster';
import type { Sourced } from './cluster-declaration';
import { ConfigError } from './errors';

export function checkClusterName(given: Sourced<string>): string {
  const name = given.value.trim();
  if (!CLUSTER_NAME_SHAPE.test(name)) {
    throw new ConfigError(given.at, 'a cluster name must be 1-64 of a-z, 0-9, ".", "_" or "-", because it is part of every URL (kafbat allows any name; Kafscope does not)');
  }
  return name;
}

/** Names taken so far: the first place each was given, and names reserved with the reason. */
export class ClusterNames {
  private readonly seen = new Map<string, string>();

  constructor(private readonly reserved: ReadonlyMap<string, string> = new Map()) {}

  /** Checks the shape and that the name is free; returns it. */
  take(given: Sourced<string>): string {
    const name = checkClusterName(given);
    const reason = this.reserved.get(name);
    if (reason) throw new ConfigError(given.at, `"${name}" ${reason}; choose another name`);
    const first = this.seen.get(name);
    if (first) throw new ConfigError(given.at, `"${name}" is already the name of the cluster at ${first}`);
    this.seen.set(name, given.at);
    return name;
  }
}
