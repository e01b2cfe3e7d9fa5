// Consumer-group mutations of one cluster, one hook each, owning their invalidations. The reset
// preview changes nothing, but is a POST the wizard runs on demand, so it is a mutation too.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { ResetPreviewSchema, type ResetOffsetsRequest } from '@/lib/schemas/group';
import { DeleteGroupOffsetsResponseSchema } from '@/lib/schemas/group-offsets';
import { clusterApi } from '../cluster-url';
import { sendJson } from '../fetch-json';
import { clusterKeys } from '../query-keys';
import { refresh } from './refresh';

/** Shows what a reset would do; nothing changes, so nothing is invalidated. */
export function usePreviewReset(cluster: string, groupId: string) {
  return useMutation({
    mutationFn: (body: ResetOffsetsRequest) =>
      sendJson('POST', clusterApi(cluster, 'groups', groupId, 'offsets', 'preview'), body, ResetPreviewSchema),
  });
}

/** Commits new offsets: the group, the lists' lag and the lag shown on each topic it touched change. */
export function useResetOffsets(cluster: string, groupId: string) {
  const client = useQueryClient();
  const keys = clusterKeys(cluster);
  return useMutation({
    mutationFn: (body: ResetOffsetsRequest) =>
      sendJson('POST', clusterApi(cluster, 'groups', groupId, 'offsets', 'reset'), body, ResetPreviewSchema),
    onSuccess: (result) => {
      const topics = [...new Set(result.partitions.map((p) => p.topic))];
      return refresh(client, [keys.group(groupId), keys.groupLists(), ...topics.map((t) => keys.topic(t))]);
    },
  });
}

/** Deletes an empty group: it is gone from the lists, the health card's count and every topic's groups. */
export function useDeleteGroup(cluster: string) {
  const client = useQueryClient();
  const keys = clusterKeys(cluster);
  return useMutation({
    mutationFn: (groupId: string) => sendJson('DELETE', clusterApi(cluster, 'groups', groupId), undefined, z.unknown()),
    onSuccess: (_, groupId) => {
      client.removeQueries({ queryKey: keys.group(groupId) });
      return refresh(client, [keys.groupLists(), keys.topicDetails(), keys.health()]);
    },
  });
}

/** Forgets the group's offsets of one topic: the group, the lists' lag and that topic's groups change. */
export function useDeleteGroupOffsets(cluster: string, groupId: string) {
  const client = useQueryClient();
  const keys = clusterKeys(cluster);
  return useMutation({
    mutationFn: (topic: string) => sendJson('POST', clusterApi(cluster, 'groups', groupId, 'offsets', 'delete'), { topic }, DeleteGroupOffsetsResponseSchema),
    onSuccess: (_, topic) => refresh(client, [keys.group(groupId), keys.groupLists(), keys.topic(topic)]),
  });
}
