// Cluster-wide reads: the overview, one broker, and the server's feature switches.
import { queryOptions } from '@tanstack/react-query';
import { BrokerDetailSchema, ClusterOverviewSchema } from '@/lib/schemas/broker';
import { SettingsSchema } from '@/lib/schemas/settings';
import { getJson } from '../fetch-json';
import { queryKeys } from '../query-keys';

export const clusterQuery = () =>
  queryOptions({
    queryKey: queryKeys.cluster(),
    queryFn: ({ signal }) => getJson('/api/cluster', ClusterOverviewSchema, signal),
  });

export const brokerQuery = (id: number) =>
  queryOptions({
    queryKey: queryKeys.broker(id),
    queryFn: ({ signal }) => getJson(`/api/brokers/${id}`, BrokerDetailSchema, signal),
  });

export const settingsQuery = () =>
  queryOptions({
    queryKey: queryKeys.settings(),
    queryFn: ({ signal }) => getJson('/api/settings', SettingsSchema, signal),
    staleTime: 60_000,
  });
