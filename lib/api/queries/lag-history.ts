// A consumer group's lag history (GET .../groups/{group}/lag-history?range=), refreshed at the
// sampling interval so the charts move as samples arrive.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { LagHistorySchema, type LagHistoryRange } from '@/lib/schemas/lag-history';
import { clusterApi } from '../cluster-url';
import { getJson, withQuery } from '../fetch-json';
import { clusterKeys } from '../query-keys';

export const lagHistoryQuery = (cluster: string, groupId: string, range: LagHistoryRange) =>
  queryOptions({
    queryKey: clusterKeys(cluster).lagHistory(groupId, range),
    queryFn: ({ signal }) => getJson(withQuery(clusterApi(cluster, 'groups', groupId, 'lag-history'), { range }), LagHistorySchema, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => Math.max(5_000, q.state.data?.intervalMs ?? 30_000),
  });
