// ACL reads of one cluster: the bindings matching a filter (or word that ACLs are not enabled).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { AclListSchema, type AclListQuery } from '@/lib/schemas/acl';
import { clusterApi } from '../cluster-url';
import { getJson, withQuery } from '../fetch-json';
import { clusterKeys } from '../query-keys';

export const aclListQuery = (cluster: string, q: AclListQuery) =>
  queryOptions({
    queryKey: clusterKeys(cluster).aclList(q),
    queryFn: ({ signal }) => getJson(withQuery(clusterApi(cluster, 'acls'), q), AclListSchema, signal),
    placeholderData: keepPreviousData,
  });
