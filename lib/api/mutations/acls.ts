// ACL mutations of one cluster: create and delete bindings; both make every ACL list stale.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AclCreateResponseSchema, AclDeleteResponseSchema, type AclBinding } from '@/lib/schemas/acl';
import { clusterApi } from '../cluster-url';
import { sendJson } from '../fetch-json';
import { clusterKeys } from '../query-keys';
import { refresh } from './refresh';

export function useCreateAcls(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (bindings: AclBinding[]) => sendJson('POST', clusterApi(cluster, 'acls'), { bindings }, AclCreateResponseSchema),
    onSuccess: () => refresh(client, [clusterKeys(cluster).acls()]),
  });
}

export function useDeleteAcls(cluster: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (bindings: AclBinding[]) => sendJson('DELETE', clusterApi(cluster, 'acls'), { bindings }, AclDeleteResponseSchema),
    onSuccess: () => refresh(client, [clusterKeys(cluster).acls()]),
  });
}
