// Is each cluster there, and how big is it? The cluster cards of the console's front page and the
// per-cluster health endpoint. A cluster's health is awaited only for a short deadline: a cluster
// that hangs (accepts connections, never answers) gets a "timeout" card at once instead of holding
// back the list, and the request it started keeps running, so its answer is cached for the next look.
import 'server-only';
import { publicClusterInfo, type ClusterConfig } from '../../config';
import type { ClusterCard, ClusterHealth, ClusterLanesHealth, ClusterList } from '../../schemas/cluster';
import { withDeadline } from '../connection/cache';
import { bootstrapOf, clientsFor, clusterConfig, consoleConfig, schemaRegistryOf } from '../connection/registry';
import { DomainError, fromKafkaError, timedOut } from '../errors';
import { listGroupIds } from '../groups/groups-data';
import { loadMetadata } from '../reading/metadata';
import { clusterTotals } from './cluster';

/** How long a card waits for its cluster. */
export const HEALTH_DEADLINE_MS = 1_500;

export async function clusterHealth(c: ClusterConfig, deadlineMs = HEALTH_DEADLINE_MS): Promise<ClusterHealth> {
  const checkedAt = Date.now();
  if (bootstrapOf(c).length === 0) return { status: 'starting', error: 'The embedded broker is starting.', checkedAt };
  try {
    return await withDeadline(
      (async (): Promise<ClusterHealth> => {
        const clients = clientsFor(c.name);
        const [meta, groups] = await Promise.all([loadMetadata(clients), listGroupIds(clients).then((g) => g.length).catch(() => null)]);
        const totals = clusterTotals(meta);
        return {
          status: 'ok',
          brokers: meta.brokers.length,
          controllerId: meta.controllerId,
          topics: totals.topics,
          partitions: totals.partitions,
          underReplicated: totals.underReplicated,
          offline: totals.offline,
          groups,
          checkedAt,
        };
      })(),
      deadlineMs,
      () => timedOut(`The cluster did not answer within ${(deadlineMs / 1000).toFixed(1)} s.`),
    );
  } catch (err) {
    const domain = fromKafkaError(err);
    if (domain?.kind === 'timed-out') return { status: 'timeout', error: domain.detail, checkedAt };
    return { status: 'unreachable', error: domain instanceof DomainError ? domain.detail : 'The cluster could not be read.', checkedAt };
  }
}

export async function listClusterCards(): Promise<ClusterList> {
  const config = consoleConfig();
  const clusters: ClusterCard[] = await Promise.all(
    config.clusters.map(async (c) => ({ ...publicClusterInfo(c, bootstrapOf(c), schemaRegistryOf(c) !== null), health: await clusterHealth(c) })),
  );
  return { default: config.defaultCluster, clusters };
}

export async function clusterLanesHealth(name: string): Promise<ClusterLanesHealth> {
  const c = clusterConfig(name);
  const health = await clusterHealth(c);
  const zero = (limit: number) => ({ running: 0, waiting: 0, limit, rejected: 0 });
  const lanes =
    bootstrapOf(c).length === 0
      ? { interactive: zero(consoleConfig().lanes.interactive), long: zero(consoleConfig().lanes.long), writes: zero(2) }
      : (() => {
          const clients = clientsFor(name);
          return { interactive: clients.lanes.interactive.use(), long: clients.lanes.long.use(), writes: clients.writes.use() };
        })();
  return { cluster: name, health, lanes };
}
