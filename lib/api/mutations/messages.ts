// Producing one message from the UI; the hook owns what it makes stale.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ProduceResponseSchema, type ProduceRequest } from '@/lib/schemas/message';
import { clusterApi } from '../cluster-url';
import { sendJson } from '../fetch-json';
import { clusterKeys } from '../query-keys';
import { refresh } from './refresh';

/** Produces to a topic: its messages, its watermarks and the lists' message counts change. */
export function useProduceMessage(cluster: string, topic: string) {
  const client = useQueryClient();
  const keys = clusterKeys(cluster);
  return useMutation({
    mutationFn: (body: ProduceRequest) => sendJson('POST', clusterApi(cluster, 'topics', topic, 'messages'), body, ProduceResponseSchema),
    onSuccess: () => refresh(client, [keys.messages(topic), keys.topic(topic), keys.topicLists()]),
  });
}
