// The data each page shows first, fetched on the server with the access layer itself (no HTTP to
// ourselves) and stored under the same query options the page's client components use
// (lib/api/queries), so their useQuery finds it in the cache. Only app/**/page.tsx calls these; what
// crosses to the browser is the dehydrated cache of DTOs (lib/schemas), nothing of Kafka.
import 'server-only';
import type { DehydratedState } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { brokerDefaultsQuery, brokerQuery, overviewQuery } from '@/lib/api/queries/cluster';
import { groupListQuery, groupListUrl, groupQuery } from '@/lib/api/queries/groups';
import { messagesQuery, messagesUrl, type MessagesView } from '@/lib/api/queries/messages';
import { topicListQuery, topicListUrl, topicQuery } from '@/lib/api/queries/topics';
import { currentConsoleConfig } from '@/lib/config';
import type { ClusterClients } from '@/lib/kafka/connection/clients';
import { clientsFor } from '@/lib/kafka/connection/registry';
import { brokerConfigs } from '@/lib/kafka/services/broker-configs';
import { brokerDetail, clusterOverview } from '@/lib/kafka/services/cluster';
import { getGroup, listGroups } from '@/lib/kafka/services/groups';
import { getMessages } from '@/lib/kafka/services/messages';
import { getTopic, listTopics } from '@/lib/kafka/services/topics';
import { BrokerDetailSchema, ClusterOverviewSchema } from '@/lib/schemas/broker';
import { ConfigEntryListSchema } from '@/lib/schemas/config';
import { GroupDetailSchema, GroupListQuerySchema, GroupListSchema } from '@/lib/schemas/group';
import { MessagePageSchema, MessagesQuerySchema } from '@/lib/schemas/message';
import { TopicDetailSchema, TopicListQuerySchema, TopicListSchema } from '@/lib/schemas/topic';
import { asDto, lastValues, queryOf, type SearchParams } from './dto';
import { dehydrateWithin, prefetch, type Prefetch } from './within-deadline';

/** A load on the cluster's clients, as the browser would receive it (the clients are built on first
 * use; an unknown cluster or a starting broker fails this load only). */
async function dto<S extends z.ZodMiniType>(cluster: string, schema: S, load: (clients: ClusterClients) => Promise<unknown>): Promise<z.infer<S>> {
  return asDto(schema, await load(clientsFor(cluster)));
}

function overview(cluster: string): Prefetch {
  return prefetch(overviewQuery(cluster), () => dto(cluster, ClusterOverviewSchema, clusterOverview));
}

function topic(cluster: string, name: string): Prefetch {
  return prefetch(topicQuery(cluster, name), () => dto(cluster, TopicDetailSchema, (c) => getTopic(c, name)));
}

export const prefetchOverview = (cluster: string): Promise<DehydratedState> => dehydrateWithin([overview(cluster)]);

/** The brokers page: the overview's broker list and the cluster-wide broker defaults (one small
 * DescribeConfigs). The log directories are left to the browser: on a large cluster their answer
 * lists every partition. */
export const prefetchBrokers = (cluster: string): Promise<DehydratedState> =>
  dehydrateWithin([
    overview(cluster),
    prefetch(brokerDefaultsQuery(cluster), () => dto(cluster, ConfigEntryListSchema, (c) => brokerConfigs(c, 'default'))),
  ]);

export const prefetchBroker = (cluster: string, id: number): Promise<DehydratedState> =>
  dehydrateWithin([prefetch(brokerQuery(cluster, id), () => dto(cluster, BrokerDetailSchema, (c) => brokerDetail(c, id)))]);

export function prefetchTopics(cluster: string, sp: SearchParams): Promise<DehydratedState> {
  const q = TopicListQuerySchema.parse(lastValues(sp));
  const apiQuery = queryOf(topicListUrl(cluster, q), TopicListQuerySchema);
  return dehydrateWithin([prefetch(topicListQuery(cluster, q), () => dto(cluster, TopicListSchema, (c) => listTopics(c, apiQuery)))]);
}

export const prefetchTopic = (cluster: string, name: string): Promise<DehydratedState> => dehydrateWithin([topic(cluster, name)]);

export function prefetchGroups(cluster: string, sp: SearchParams): Promise<DehydratedState> {
  const q = GroupListQuerySchema.parse(lastValues(sp));
  const apiQuery = queryOf(groupListUrl(cluster, q), GroupListQuerySchema);
  return dehydrateWithin([prefetch(groupListQuery(cluster, q), () => dto(cluster, GroupListSchema, (c) => listGroups(c, apiQuery)))]);
}

export const prefetchGroup = (cluster: string, id: string): Promise<DehydratedState> =>
  dehydrateWithin([prefetch(groupQuery(cluster, id), () => dto(cluster, GroupDetailSchema, (c) => getGroup(c, id)))]);

/** The messages page: the page of records its URL asks for, and the topic (for its partitions). With
 * reads audited (KAFSCOPE_AUDIT_READS), the records are left to the browser's request to the API,
 * where the read is recorded. */
export function prefetchMessages(cluster: string, name: string, view: MessagesView): Promise<DehydratedState> {
  const apiQuery = queryOf(messagesUrl(cluster, name, view), MessagesQuerySchema);
  const records = prefetch(messagesQuery(cluster, name, view), () => dto(cluster, MessagePageSchema, (c) => getMessages(c, name, apiQuery)));
  return dehydrateWithin([...(currentConsoleConfig().audit.reads ? [] : [records]), topic(cluster, name)]);
}
