// Every React Query cache key in one place. Everything read from a cluster sits under
// ['clusters', cluster, ...], so one cluster's cache never answers for another, and the keys are
// built as prefixes so a mutation can invalidate a whole family (a cluster's topic lists, one
// topic's messages) with one key.
import type { AclListQuery } from '@/lib/schemas/acl';
import type { GroupListQuery } from '@/lib/schemas/group';
import type { LagHistoryRange } from '@/lib/schemas/lag-history';
import type { MessagesQuery } from '@/lib/schemas/message';
import type { SubjectListQuery } from '@/lib/schemas/schema-registry';
import type { TopicListQuery } from '@/lib/schemas/topic';

/** GET /api/clusters: the configured clusters. Not under 'clusters', so no cluster's prefix covers it. */
export const clusterListKey = () => ['cluster-list'] as const;

/** The keys of one cluster's data. */
export function clusterKeys(cluster: string) {
  const all = ['clusters', cluster] as const;
  return {
    /** Everything of this cluster. */
    all: () => all,
    settings: () => [...all, 'settings'] as const,
    health: () => [...all, 'health'] as const,
    overview: () => [...all, 'overview'] as const,
    brokers: () => [...all, 'brokers'] as const,
    broker: (id: number) => [...all, 'brokers', id] as const,
    logDirs: () => [...all, 'brokers', 'log-dirs'] as const,
    /** The cluster-wide dynamic broker configs (resource ""). */
    brokerDefaults: () => [...all, 'brokers', 'defaults'] as const,
    /** Every topic list and every topic's detail. */
    topics: () => [...all, 'topics'] as const,
    topicLists: () => [...all, 'topics', 'list'] as const,
    topicList: (q: TopicListQuery) => [...all, 'topics', 'list', q] as const,
    topicDetails: () => [...all, 'topics', 'detail'] as const,
    topic: (name: string) => [...all, 'topics', 'detail', name] as const,
    /** Every page of one topic's messages. */
    messages: (topic: string) => [...all, 'messages', topic] as const,
    messagePage: (topic: string, q: Partial<MessagesQuery>) => [...all, 'messages', topic, q] as const,
    /** The Protobuf descriptor files unframed values can be read with. */
    protobufDescriptors: (topic: string) => [...all, 'protobuf-descriptors', topic] as const,
    groupLists: () => [...all, 'groups', 'list'] as const,
    groupList: (q: GroupListQuery) => [...all, 'groups', 'list', q] as const,
    group: (id: string) => [...all, 'groups', 'detail', id] as const,
    lagHistory: (id: string, range: LagHistoryRange) => [...all, 'groups', 'lag-history', id, range] as const,
    /** Every filtered ACL list. */
    acls: () => [...all, 'acls'] as const,
    aclList: (q: AclListQuery) => [...all, 'acls', q] as const,
    /** Everything read from the cluster's schema registry. */
    schemas: () => [...all, 'schemas'] as const,
    subjectList: (q: SubjectListQuery) => [...all, 'schemas', 'list', q] as const,
    subject: (subject: string) => [...all, 'schemas', 'subject', subject] as const,
    schemaVersion: (subject: string, version: number | 'latest') => [...all, 'schemas', 'subject', subject, 'version', version] as const,
    schemaDiff: (subject: string, from: number, to: number) => [...all, 'schemas', 'subject', subject, 'diff', from, to] as const,
    topicSubjects: (topic: string) => [...all, 'schemas', 'topic', topic] as const,
  };
}
export type ClusterKeys = ReturnType<typeof clusterKeys>;
