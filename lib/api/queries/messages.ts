// Message pages of one topic: one query per URL state, the previous page kept on screen while the
// next loads; and the Protobuf descriptor files the page's pickers offer.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { MessagePageSchema, type MessagesQuery } from '@/lib/schemas/message';
import { ProtobufDescriptorsSchema } from '@/lib/schemas/protobuf-descriptors';
import { clusterApi } from '../cluster-url';
import { getJson, withQuery } from '../fetch-json';
import { clusterKeys } from '../query-keys';

export type MessagesView = Partial<MessagesQuery>;

export function messagesUrl(cluster: string, topic: string, q: MessagesView): string {
  return withQuery(clusterApi(cluster, 'topics', topic, 'messages'), {
    partition: q.partition,
    from: q.from,
    offset: q.offset,
    timestamp: q.timestamp,
    to: q.to,
    toOffset: q.toOffset,
    toTimestamp: q.toTimestamp,
    limit: q.limit,
    order: q.order,
    cursor: q.cursor,
    keyFormat: q.keyFormat,
    valueFormat: q.valueFormat,
    protobufDesc: q.protobufDesc,
    protobufType: q.protobufType,
    filter: q.filter,
  });
}

export const messagesQuery = (cluster: string, topic: string, q: MessagesView) =>
  queryOptions({
    queryKey: clusterKeys(cluster).messagePage(topic, q),
    queryFn: ({ signal }) => getJson(messagesUrl(cluster, topic, q), MessagePageSchema, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });

export const protobufDescriptorsQuery = (cluster: string, topic: string) =>
  queryOptions({
    queryKey: clusterKeys(cluster).protobufDescriptors(topic),
    queryFn: ({ signal }) => getJson(withQuery(clusterApi(cluster, 'protobuf-descriptors'), { topic }), ProtobufDescriptorsSchema, signal),
    staleTime: 60_000,
    retry: false,
  });
