// Every key of a cluster's short cache, and every way of forgetting some, in one place: each key
// carries the type of what is stored under it, so a reader cannot take a watermark for a group
// description, and a mutation names what it changed (a topic, a group) instead of spelling prefixes.
// The cache is per cluster (ClusterClients.cache), so no key needs the cluster's name.
import 'server-only';
import { ConfigResourceTypes } from 'kafkajs';
import type { ConfigEntry } from '../../schemas/config';
import type { TopicGroupLag } from '../../schemas/topic';
import type { Committed, GroupDescription, GroupListing } from '../groups/groups-data';
import type { LogDirSizes } from '../reading/log-dirs';
import type { ClusterMeta } from '../reading/metadata';
import { tpKey, type TP } from '../reading/topic-partition';
import type { Watermarks } from '../reading/watermarks';
import type { CacheFamily, CacheKey, CacheScope, TtlCache } from './cache';

/** A group's lag on a topic as cached: its health is added on every read (it changes each sampler round). */
export type TopicGroupLagBase = Pick<TopicGroupLag, 'groupId' | 'state' | 'lag'>;

const key = <T>(k: string): CacheKey<T> => ({ key: k });
const family = <A, T>(prefix: string, id: (a: A) => string): CacheFamily<A, T> => ({ prefix, id });
const scope = (prefix: string): CacheScope => ({ prefix });

/** The group index's totals, computed once per index version (see services/groups.ts). */
export interface GroupTotals {
  wm: Map<string, Watermarks>;
  totals: Map<string, { lag: bigint | null; topics: number }>;
}

export const cacheKeys = {
  metadata: () => key<ClusterMeta>('metadata'),
  /** DescribeConfigs of a set of resources of one type (topic 2, broker 4). */
  configs: (resourceType: number, names: readonly string[]) => key<Map<string, ConfigEntry[]>>(`configs:${resourceType}:${[...names].sort().join('\u0001')}`),
  /** Every broker's DescribeLogDirs answer, merged (log-dirs.ts). */
  logDirs: () => key<LogDirSizes>('logdirs'),
  /** The same for a few topics only (a page of the topic list, one topic's page). */
  topicLogDirs: (names: readonly string[]) => key<LogDirSizes>(`logdirs:topics:${[...names].sort().join('\u0001')}`),
  /** Low and high watermark of one partition. */
  watermarks: family<TP, Watermarks>('wm:', tpKey),
  groupList: () => key<GroupListing[]>('groups:list'),
  groupDescriptions: family<string, GroupDescription>('groups:describe:', (id) => id),
  /** Committed offsets as the batch reads them (a coordinator that does not answer = none). */
  groupOffsets: family<string, Committed[]>('groups:offsets:', (id) => id),
  /** Committed offsets of one group read on their own (a coordinator that does not answer = error). */
  groupCommitted: (groupId: string) => key<Committed[]>(`groups:committed:${groupId}`),
  groupTotals: (indexVersion: number) => key<GroupTotals>(`groups:totals:${indexVersion}`),
  topicGroups: (indexVersion: number, topic: string) => key<TopicGroupLagBase[]>(`groups:topic:${indexVersion}:${topic}`),
};

/** What each kind of change makes stale. */
export const invalidate = {
  /** Topics were created, deleted, resized or reconfigured: everything derived from metadata. */
  topics: (cache: TtlCache) => cache.invalidate(scope('')),
  /** Records were produced or purged: watermarks only. */
  watermarks: (cache: TtlCache) => cache.invalidate(scope(cacheKeys.watermarks.prefix)),
  metadata: (cache: TtlCache) => cache.invalidate(scope(cacheKeys.metadata().key)),
  /** A broker's or the cluster-wide dynamic configs changed: every described broker config set. */
  brokerConfigs: (cache: TtlCache) => cache.invalidate(scope(cacheKeys.configs(ConfigResourceTypes.BROKER, []).key)),
  groupList: (cache: TtlCache) => cache.invalidate(scope(cacheKeys.groupList().key)),
  groupDescription: (cache: TtlCache, groupId: string) => cache.invalidate(scope(cacheKeys.groupDescriptions.prefix + groupId)),
  /** A group's offsets changed or it was deleted (every group when no id is given). */
  group: (cache: TtlCache, groupId?: string) => {
    cache.invalidate(scope(cacheKeys.groupList().key));
    cache.invalidate(scope(cacheKeys.groupDescriptions.prefix + (groupId ?? '')));
    cache.invalidate(scope(cacheKeys.groupOffsets.prefix + (groupId ?? '')));
    cache.invalidate(scope(groupId ? cacheKeys.groupCommitted(groupId).key : 'groups:committed:'));
    cache.invalidate(scope(cacheKeys.watermarks.prefix));
  },
};
