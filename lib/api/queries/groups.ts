// Consumer-group reads of one cluster: a page of the group list and one group's detail.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { GroupDetailSchema, GroupListSchema, type GroupListQuery } from '@/lib/schemas/group';
import { clusterApi } from '../cluster-url';
import { getJson, withQuery } from '../fetch-json';
import { clusterKeys } from '../query-keys';

/** The API address of one page of the list (the server's prefetch parses the same query string). */
export const groupListUrl = (cluster: string, q: GroupListQuery) =>
  withQuery(clusterApi(cluster, 'groups'), { q: q.q, state: q.state, status: q.status, sort: q.sort, dir: q.dir, page: q.page, pageSize: q.pageSize });

export const groupListQuery = (cluster: string, q: GroupListQuery) =>
  queryOptions({
    queryKey: clusterKeys(cluster).groupList(q),
    queryFn: ({ signal }) => getJson(groupListUrl(cluster, q), GroupListSchema, signal),
    placeholderData: keepPreviousData,
  });

export const groupQuery = (cluster: string, id: string, refetchInterval: number | false = false) =>
  queryOptions({
    queryKey: clusterKeys(cluster).group(id),
    queryFn: ({ signal }) => getJson(clusterApi(cluster, 'groups', id), GroupDetailSchema, signal),
    refetchInterval,
  });
