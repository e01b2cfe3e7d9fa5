// Topic reads of one cluster: a page of the topic list and one topic's detail.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { TopicDetailSchema, TopicListSchema, type TopicListQuery } from '@/lib/schemas/topic';
import { clusterApi } from '../cluster-url';
import { getJson, withQuery } from '../fetch-json';
import { clusterKeys } from '../query-keys';

export const topicListQuery = (cluster: string, q: TopicListQuery) =>
  queryOptions({
    queryKey: clusterKeys(cluster).topicList(q),
    queryFn: ({ signal }) =>
      getJson(
        withQuery(clusterApi(cluster, 'topics'), { q: q.q, internal: q.internal || undefined, sort: q.sort, dir: q.dir, page: q.page, pageSize: q.pageSize }),
        TopicListSchema,
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const topicQuery = (cluster: string, name: string) =>
  queryOptions({
    queryKey: clusterKeys(cluster).topic(name),
    queryFn: ({ signal }) => getJson(clusterApi(cluster, 'topics', name), TopicDetailSchema, signal),
  });
