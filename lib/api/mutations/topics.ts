// The topic mutations of one cluster, one hook each. Every hook owns its cache invalidations (what
// the change makes stale, and nothing of another cluster); components add only what the user sees
// (a toast, a navigation) through mutate's own callbacks.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import {
  CreateTopicResponseSchema,
  DeleteRecordsResponseSchema,
  type CreateTopicRequest,
  type DeleteRecordsRequest,
} from '@/lib/schemas/topic';
import { clusterApi } from '../cluster-url';
import { sendJson } from '../fetch-json';
import { clusterKeys } from '../query-keys';
import { refresh } from './refresh';

const Anything = z.unknown();

/** Creates a topic: the lists, the overview's and health card's totals change. */
export function useCreateTopic(cluster: string) {
  const client = useQueryClient();
  const keys = clusterKeys(cluster);
  return useMutation({
    mutationFn: (body: CreateTopicRequest) => sendJson('POST', clusterApi(cluster, 'topics'), body, CreateTopicResponseSchema),
    onSuccess: () => refresh(client, [keys.topicLists(), keys.overview(), keys.health(), keys.brokers()]),
  });
}

/** Deletes a topic: its detail and messages are gone; lists, totals and brokers' leads change. */
export function useDeleteTopic(cluster: string) {
  const client = useQueryClient();
  const keys = clusterKeys(cluster);
  return useMutation({
    mutationFn: (topic: string) => sendJson('DELETE', clusterApi(cluster, 'topics', topic), undefined, Anything),
    onSuccess: (_, topic) => {
      // Removed rather than refetched: asking for a topic that no longer exists only shows a 404.
      client.removeQueries({ queryKey: keys.topic(topic) });
      client.removeQueries({ queryKey: keys.messages(topic) });
      return refresh(client, [keys.topicLists(), keys.overview(), keys.health(), keys.brokers()]);
    },
  });
}

/** Raises a topic's partition count: the topic, the lists, the totals and brokers' leads change. */
export function useAddPartitions(cluster: string, topic: string) {
  const client = useQueryClient();
  const keys = clusterKeys(cluster);
  return useMutation({
    mutationFn: (count: number) => sendJson('POST', clusterApi(cluster, 'topics', topic, 'partitions'), { count }, Anything),
    onSuccess: () => refresh(client, [keys.topic(topic), keys.topicLists(), keys.overview(), keys.health(), keys.brokers()]),
  });
}

/** Sets (or, with null, removes) topic config overrides: the topic and the lists' "custom" flag change. */
export function useUpdateTopicConfigs(cluster: string, topic: string) {
  const client = useQueryClient();
  const keys = clusterKeys(cluster);
  return useMutation({
    mutationFn: (configs: Record<string, string | null>) =>
      sendJson('PUT', clusterApi(cluster, 'topics', topic, 'configs'), { configs }, Anything),
    onSuccess: () => refresh(client, [keys.topic(topic), keys.topicLists()]),
  });
}

/** Purges records: the topic's watermarks and messages, and the lists' message counts change. */
export function useDeleteRecords(cluster: string, topic: string) {
  const client = useQueryClient();
  const keys = clusterKeys(cluster);
  return useMutation({
    mutationFn: (body: DeleteRecordsRequest) =>
      sendJson('POST', clusterApi(cluster, 'topics', topic, 'records', 'delete'), body, DeleteRecordsResponseSchema),
    onSuccess: () => refresh(client, [keys.topic(topic), keys.messages(topic), keys.topicLists()]),
  });
}
