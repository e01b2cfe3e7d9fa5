// Topic reads of one cluster: a page of the topic list and one topic's detail.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { TopicDetailSchema, TopicListSchema, type TopicListQuery } from '@/lib/schemas/topic';
import { clusterApi } from '../cluster-url';
import { getJson, withQuery } from '../fetch-json';
import { clusterKeys } from '../query-keys';

/** The API address of one page of the list (the server's prefetch parses the same query string). */
export const topicListUrl = (cluster: string, q: TopicListQuery) =>
  withQuery(clusterApi(cluster, 'topics'), { q: q.q, internal: q.internal || undefined, sort: q.sort, dir: q.dir, page: q.page, pageSize: q.pageSize });

export const topicListQuery = (cluster: string, q: TopicListQuery) =>
  queryOptions({
    queryKey: clusterKeys(cluster).topicList(q),
    queryFn: ({ signal }) => getJson(topicListUrl(cluster, q), TopicListSchema, signal),
    placeholderData: keepPreviousData,
  });

export const topicQuery = (cluster: string, name: string) =>
  queryOptions({
    queryKey: clusterKeys(cluster).topic(name),
    queryFn: ({ signal }) => getJson(clusterApi(cluster, 'topics', name), TopicDetailSchema, signal),
  });
