// Message pages (one query per URL state, previous page kept on screen while the next loads) and
// producing one message.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { MessagePageSchema, ProduceResponseSchema, type MessagesQuery, type ProduceRequest } from '@/lib/schemas/message';
import { enc, getJson, sendJson, withQuery } from '../fetch-json';
import { queryKeys } from '../query-keys';

export type MessagesView = Partial<MessagesQuery>;

export function messagesUrl(topic: string, q: MessagesView): string {
  return withQuery(`/api/topics/${enc(topic)}/messages`, {
    partition: q.partition,
    from: q.from,
    offset: q.offset,
    timestamp: q.timestamp,
    limit: q.limit,
    order: q.order,
    cursor: q.cursor,
  });
}

export const messagesQuery = (topic: string, q: MessagesView) =>
  queryOptions({
    queryKey: queryKeys.messagePage(topic, q),
    queryFn: ({ signal }) => getJson(messagesUrl(topic, q), MessagePageSchema, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });

export const produceMessage = (topic: string, body: ProduceRequest) =>
  sendJson('POST', `/api/topics/${enc(topic)}/messages`, body, ProduceResponseSchema);
