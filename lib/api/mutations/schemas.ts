// Schema-registry changes of one cluster, one hook each, owning their invalidations. The
// compatibility check changes nothing, but is a POST the editor runs on demand, so it is a mutation.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CompatibilityCheckSchema,
  CompatibilitySchema,
  DeletedVersionsSchema,
  RegisteredSchemaSchema,
  type CompatibilityLevel,
  type SchemaDraft,
} from '@/lib/schemas/schema-registry';
import { clusterApi } from '../cluster-url';
import { sendJson, withQuery } from '../fetch-json';
import { clusterKeys } from '../query-keys';
import { refresh } from './refresh';

/** The registry's verdict on a draft against the subject's latest version; nothing changes. */
export function useCheckCompatibility(cluster: string, subject: string) {
  return useMutation({
    mutationFn: (draft: SchemaDraft) => sendJson('POST', clusterApi(cluster, 'schemas', 'subjects', subject, 'compatibility', 'check'), draft, CompatibilityCheckSchema),
  });
}

/** Every read of the registry may have changed (lists, the subject, its versions, topics' subjects). */
function useRefreshSchemas(cluster: string) {
  const client = useQueryClient();
  return () => refresh(client, [clusterKeys(cluster).schemas()]);
}

export function useRegisterSchema(cluster: string, subject: string) {
  const done = useRefreshSchemas(cluster);
  return useMutation({
    mutationFn: (draft: SchemaDraft) => sendJson('POST', clusterApi(cluster, 'schemas', 'subjects', subject, 'versions'), draft, RegisteredSchemaSchema),
    onSuccess: done,
  });
}

/** A subject's level (null: follow the global one), or the global level when `subject` is null. */
export function useSetCompatibility(cluster: string, subject: string | null) {
  const done = useRefreshSchemas(cluster);
  const url = subject === null ? clusterApi(cluster, 'schemas', 'compatibility') : clusterApi(cluster, 'schemas', 'subjects', subject, 'compatibility');
  return useMutation({
    mutationFn: (level: CompatibilityLevel | null) => sendJson('PUT', url, { level }, CompatibilitySchema),
    onSuccess: done,
  });
}

/** Deletes a version (or the whole subject when `version` is null): soft, or for good. */
export function useDeleteSchema(cluster: string, subject: string) {
  const done = useRefreshSchemas(cluster);
  return useMutation({
    mutationFn: ({ version, permanent }: { version: number | null; permanent: boolean }) =>
      sendJson(
        'DELETE',
        withQuery(version === null ? clusterApi(cluster, 'schemas', 'subjects', subject) : clusterApi(cluster, 'schemas', 'subjects', subject, 'versions', version), {
          permanent: permanent || undefined,
        }),
        undefined,
        DeletedVersionsSchema,
      ),
    onSuccess: done,
  });
}
