// The clusters playwright.config.ts configures the app with, and the page addresses inside them
// (built by the app's own helper, so the tests follow the URL scheme instead of re-typing it).
import { clusterPath, type ClusterSection } from '../../components/cluster/cluster-path';

/** The 3-node broker on E2E_BROKER_PORT (19092): the default cluster, where most specs work. */
export const PRIMARY = 'primary';
/** The 1-node broker on E2E_SECONDARY_BROKER_PORT (19192), configured read-only. */
export const SECONDARY = 'secondary';
/** An address where nothing listens. */
export const OFFLINE = 'offline';

/** A page of the primary cluster, e.g. at('topics', name, 'messages'). */
export function at(section: ClusterSection = '', ...rest: (string | number)[]): string {
  return clusterPath(PRIMARY, section, ...rest);
}

export { clusterPath };
