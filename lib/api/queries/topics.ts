// Topic reads and the mutations of the topic pages. Mutations return parsed DTOs; callers
// invalidate `queryKeys.topics()` (and the topic's messages) afterwards.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  CreateTopicResponseSchema,
  DeleteRecordsResponseSchema,
  TopicDetailSchema,
  TopicListSchema,
  type CreateTopicRequest,
  type DeleteRecordsRequest,
  type TopicListQuery,
} from '@/lib/schemas/topic';
import { enc, getJson, sendJson, withQuery } from '../fetch-json';
import { queryKeys } from '../query-keys';

export const topicListQuery = (q: TopicListQuery) =>
  queryOptions({
    queryKey: queryKeys.topicList(q),
    queryFn: ({ signal }) =>
      getJson(
        withQuery('/api/topics', { q: q.q, internal: q.internal || undefined, sort: q.sort, dir: q.dir, page: q.page, pageSize: q.pageSize }),
        TopicListSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const topicQuery = (name: string) =>
  queryOptions({
    queryKey: queryKeys.topic(name),
    queryFn: ({ signal }) => getJson(`/api/topics/${enc(name)}`, TopicDetailSchema, signal),
  });

const Anything = z.unknown();

export const createTopic = (body: CreateTopicRequest) => sendJson('POST', '/api/topics', body, CreateTopicResponseSchema);
export const deleteTopic = (name: string) => sendJson('DELETE', `/api/topics/${enc(name)}`, undefined, Anything);
export const addPartitions = (name: string, count: number) =>
  sendJson('POST', `/api/topics/${enc(name)}/partitions`, { count }, Anything);
export const updateTopicConfigs = (name: string, configs: Record<string, string | null>) =>
  sendJson('PUT', `/api/topics/${enc(name)}/configs`, { configs }, Anything);
export const deleteRecords = (name: string, body: DeleteRecordsRequest) =>
  sendJson('POST', `/api/topics/${enc(name)}/records/delete`, body, DeleteRecordsResponseSchema);
