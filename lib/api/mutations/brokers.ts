// Broker config changes of one cluster: one broker's dynamic configs or the cluster-wide defaults.
// A default changes what every broker reports, so both invalidate every broker's configs.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfigEntryListSchema } from '@/lib/schemas/config';
import { clusterApi } from '../cluster-url';
import { sendJson } from '../fetch-json';
import { clusterKeys } from '../query-keys';
import { refresh } from './refresh';

/** `target`: a broker id, or 'default' for the cluster-wide dynamic defaults. */
export function useUpdateBrokerConfigs(cluster: string, target: number | 'default') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (configs: Record<string, string | null>) =>
      sendJson('PUT', clusterApi(cluster, 'brokers', target, 'configs'), { configs }, ConfigEntryListSchema),
    onSuccess: () => refresh(client, [clusterKeys(cluster).brokers()]),
  });
}
