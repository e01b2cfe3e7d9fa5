// Cluster-wide reads: the list of clusters, one cluster's health card, settings and overview, and
// one broker.
import { queryOptions } from '@tanstack/react-query';
import { BrokerDetailSchema, ClusterOverviewSchema, LogDirsSchema } from '@/lib/schemas/broker';
import { ConfigEntryListSchema } from '@/lib/schemas/config';
import { ClusterInfoSchema, ClusterLanesHealthSchema, ClusterListSchema, type ClusterHealth } from '@/lib/schemas/cluster';
import { clusterApi } from '../cluster-url';
import { getJson } from '../fetch-json';
import { clusterKeys, clusterListKey } from '../query-keys';

/** Every configured cluster with a first health reading (the server waits at most ~1.5 s for any). */
export const clusterListQuery = () =>
  queryOptions({
    queryKey: clusterListKey(),
    queryFn: ({ signal }) => getJson('/api/clusters', ClusterListSchema, signal),
    staleTime: 30_000,
  });

/** One cluster's health, refreshed on its own every 10 s, starting from the reading the list gave. */
export const clusterHealthQuery = (cluster: string, first?: ClusterHealth) =>
  queryOptions({
    queryKey: clusterKeys(cluster).health(),
    queryFn: async ({ signal }): Promise<ClusterHealth> =>
      (await getJson(clusterApi(cluster, 'health'), ClusterLanesHealthSchema, signal)).health,
    initialData: first,
    initialDataUpdatedAt: first?.checkedAt,
    refetchInterval: 10_000,
  });

/** The cluster's name, mode, bootstrap and switches (what the UI may offer). */
export const settingsQuery = (cluster: string) =>
  queryOptions({
    queryKey: clusterKeys(cluster).settings(),
    queryFn: ({ signal }) => getJson(clusterApi(cluster, 'settings'), ClusterInfoSchema, signal),
    staleTime: 60_000,
  });

export const overviewQuery = (cluster: string) =>
  queryOptions({
    queryKey: clusterKeys(cluster).overview(),
    queryFn: ({ signal }) => getJson(clusterApi(cluster, 'overview'), ClusterOverviewSchema, signal),
  });

export const brokerQuery = (cluster: string, id: number) =>
  queryOptions({
    queryKey: clusterKeys(cluster).broker(id),
    queryFn: ({ signal }) => getJson(clusterApi(cluster, 'brokers', id), BrokerDetailSchema, signal),
  });

/** Each broker's log directories and their size on disk. */
export const logDirsQuery = (cluster: string) =>
  queryOptions({
    queryKey: clusterKeys(cluster).logDirs(),
    queryFn: ({ signal }) => getJson(clusterApi(cluster, 'log-dirs'), LogDirsSchema, signal),
  });

/** The cluster-wide dynamic broker configs. */
export const brokerDefaultsQuery = (cluster: string) =>
  queryOptions({
    queryKey: clusterKeys(cluster).brokerDefaults(),
    queryFn: ({ signal }) => getJson(clusterApi(cluster, 'brokers', 'default', 'configs'), ConfigEntryListSchema, signal),
  });
