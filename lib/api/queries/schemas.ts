// Schema-registry reads of one cluster: the subject list, a subject, one version, a diff of two
// versions and a topic's key and value subjects.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { SchemaDiffSchema, SchemaVersionSchema, SubjectDetailSchema, SubjectListSchema, TopicSubjectsSchema, type SubjectListQuery } from '@/lib/schemas/schema-registry';
import { clusterApi } from '../cluster-url';
import { getJson, withQuery } from '../fetch-json';
import { clusterKeys } from '../query-keys';

export const subjectListQuery = (cluster: string, q: SubjectListQuery) =>
  queryOptions({
    queryKey: clusterKeys(cluster).subjectList(q),
    queryFn: ({ signal }) =>
      getJson(withQuery(clusterApi(cluster, 'schemas'), { q: q.q, type: q.type, deleted: q.deleted || undefined, page: q.page, pageSize: q.pageSize }), SubjectListSchema, signal),
    placeholderData: keepPreviousData,
  });

export const subjectQuery = (cluster: string, subject: string) =>
  queryOptions({
    queryKey: clusterKeys(cluster).subject(subject),
    queryFn: ({ signal }) => getJson(clusterApi(cluster, 'schemas', 'subjects', subject), SubjectDetailSchema, signal),
  });

export const schemaVersionQuery = (cluster: string, subject: string, version: number | 'latest') =>
  queryOptions({
    queryKey: clusterKeys(cluster).schemaVersion(subject, version),
    queryFn: ({ signal }) => getJson(clusterApi(cluster, 'schemas', 'subjects', subject, 'versions', version), SchemaVersionSchema, signal),
  });

export const schemaDiffQuery = (cluster: string, subject: string, from: number, to: number) =>
  queryOptions({
    queryKey: clusterKeys(cluster).schemaDiff(subject, from, to),
    queryFn: ({ signal }) => getJson(withQuery(clusterApi(cluster, 'schemas', 'subjects', subject, 'diff'), { from, to }), SchemaDiffSchema, signal),
    placeholderData: keepPreviousData,
  });

export const topicSubjectsQuery = (cluster: string, topic: string) =>
  queryOptions({
    queryKey: clusterKeys(cluster).topicSubjects(topic),
    queryFn: ({ signal }) => getJson(clusterApi(cluster, 'schemas', 'topics', topic), TopicSubjectsSchema, signal),
  });
