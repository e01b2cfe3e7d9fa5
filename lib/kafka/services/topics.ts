// Topics: the server-side filtered, sorted and paged list, the detail page, and the topic mutations.
// What the list costs at 10,000 topics: the cached metadata (one Metadata request every 2 s at most),
// names sorted once per metadata snapshot, a filter over names, then watermarks and configs for the
// page's topics only — unless sorting by message count needs every topic's watermarks, which come
// batched per leader and cached per partition. The detail page's "groups consuming it" comes from
// the group index (group-index.ts), never one request per group.
import 'server-only';
import { ConfigResourceTypes } from 'kafkajs';
import type { z } from 'zod';
import { conflict, invalid, notFound, rejected, unavailable } from '../errors';
import type {
  AddPartitionsRequestSchema,
  CreateTopicRequest,
  DeleteRecordsRequest,
  TopicDetail,
  TopicList,
  TopicListQuery,
  TopicSummary,
  UpdateTopicConfigsRequestSchema,
} from '../../schemas/topic';
import { invalidate } from '../connection/cache-keys';
import { withDeadline } from '../connection/cache';
import type { ClusterClients } from '../connection/clients';
import { describeTopicConfigs, isCustomised } from '../reading/configs';
import { controllerOrAnyLive, loadMetadata, requireTopic, type ClusterMeta, type TopicMeta } from '../reading/metadata';
import { errorName } from '../../common/kafka-error-codes';
import { alterConfigsOn } from '../connection/raw-requests';
import { brokerFor } from '../connection/captured-cluster';
import { getWatermarks, watermarkGeneration, watermarkOf } from '../reading/watermarks';
import { loadLogDirs, loadTopicSizes, partitionSize, type LogDirSizes } from '../reading/log-dirs';
import { groupsConsumingTopic } from './groups';
import { tpKey } from '../reading/topic-partition';
import { SEES_ALL, type Visibility } from '../visibility';

const partitionsOf = (t: TopicMeta) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition }));
const underReplicated = (t: TopicMeta) => t.partitions.filter((p) => p.isr.length < p.replicas.length).length;
const offline = (t: TopicMeta) => t.partitions.filter((p) => p.leader < 0).length;

async function messageCounts(clients: ClusterClients, topics: TopicMeta[]): Promise<Map<string, bigint>> {
  const wm = await getWatermarks(clients, topics.flatMap(partitionsOf));
  const out = new Map<string, bigint>();
  for (const t of topics) {
    let sum = 0n;
    for (const p of t.partitions) {
      const w = watermarkOf(wm, t.name, p.partition);
      if (w) sum += w.high - w.low;
    }
    out.set(t.name, sum);
  }
  return out;
}

/** Every topic's message count in one metadata snapshot, computed once per watermark generation
 * (watermarks.ts: the same data as long as no cached watermark has expired or been invalidated).
 * Sorting 10,000 topics by message count on every request otherwise re-read 10,000 cached
 * watermarks and rebuilt the same maps — about 9 MB per request, most of the console's memory
 * churn under that sort. */
const allCounts = new WeakMap<ClusterMeta, { generation: object; counts: Promise<Map<string, bigint>> }>();
async function allMessageCounts(clients: ClusterClients, meta: ClusterMeta): Promise<Map<string, bigint>> {
  const generation = await watermarkGeneration(clients);
  const hit = allCounts.get(meta);
  if (hit && hit.generation === generation) return hit.counts;
  const counts = messageCounts(clients, [...meta.topics.values()]);
  allCounts.set(meta, { generation, counts });
  counts.catch(() => {
    if (allCounts.get(meta)?.counts === counts) allCounts.delete(meta);
  });
  return counts;
}

/** The last ordering by message count made from a set of counts (per filter and direction). */
const sortedByCount = new WeakMap<Map<string, bigint>, { key: string; topics: TopicMeta[] }>();

/** The sizes, or null when the cluster does not answer DescribeLogDirs at all or within 1.5 s: sizes
 * never fail or hold up a page (a slow answer still fills the cache for the next request). Every
 * partition's (sizesOf) only to sort by size; otherwise only the shown topics' (pageSizesOf). */
const SIZES_WAIT_MS = 1_500;
const withinWait = (sizes: Promise<LogDirSizes>) => withDeadline(sizes, SIZES_WAIT_MS, () => new Error('sizes timed out')).catch(() => null);
const sizesOf = (clients: ClusterClients) => withinWait(loadLogDirs(clients));
const pageSizesOf = (clients: ClusterClients, topics: TopicMeta[]) => withinWait(loadTopicSizes(clients, topics));

/** The last ordering by size made from one sizes snapshot (per filter and direction). Unknown sizes
 * go last in either direction. */
const sortedBySize = new WeakMap<LogDirSizes, { key: string; topics: TopicMeta[] }>();
function sortBySize(sizes: LogDirSizes, topics: TopicMeta[], key: string, sign: number): TopicMeta[] {
  const hit = sortedBySize.get(sizes);
  if (hit?.key === key) return hit.topics;
  const size = (t: TopicMeta) => sizes.topics.get(t.name) ?? null;
  const sorted = topics.sort((a, b) => {
    const x = size(a);
    const y = size(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x < y ? -1 : x > y ? 1 : 0);
  });
  sortedBySize.set(sizes, { key, topics: sorted });
  return sorted;
}

/** Topics sorted by name, once per metadata snapshot (sorting 10,000 names on every request costs). */
const sortedByName = new WeakMap<ClusterMeta, { topic: TopicMeta; lower: string }[]>();
function topicsByName(meta: ClusterMeta) {
  let list = sortedByName.get(meta);
  if (!list) {
    const collator = new Intl.Collator('en');
    list = [...meta.topics.values()].sort((a, b) => collator.compare(a.name, b.name)).map((topic) => ({ topic, lower: topic.name.toLowerCase() }));
    sortedByName.set(meta, list);
  }
  return list;
}

/** `visible`: topics the asker may not view are left out before counting and paging. */
export async function listTopics(clients: ClusterClients, q: TopicListQuery, visible: Visibility = SEES_ALL): Promise<TopicList> {
  const needle = q.q.toLowerCase();
  const matching = (meta: ClusterMeta) =>
    topicsByName(meta)
      .filter((x) => (q.internal || !x.topic.internal) && x.lower.includes(needle) && visible.topic(x.topic.name))
      .map((x) => x.topic);
  let meta = await loadMetadata(clients);
  let topics = matching(meta);
  // A filter that finds nothing is often about a topic created moments ago: like requireTopic,
  // look once more in fresh metadata before answering that nothing matches.
  if (topics.length === 0 && needle) topics = matching((meta = await loadMetadata(clients, true)));
  const sign = q.dir === 'asc' ? 1 : -1;
  // The list is in name order and sort() is stable, so equal keys stay in name order.
  let counts: Map<string, bigint> | null = null;
  // Sorting by size needs every partition's size (one DescribeLogDirs per broker covers them all,
  // and the page reads the same answer); any other order needs only the page's.
  let sizes: LogDirSizes | null = null;
  if (q.sort === 'size') {
    sizes = await sizesOf(clients);
    if (sizes) topics = sortBySize(sizes, topics, `${q.internal}\u0000${needle}\u0000${sign}`, sign);
  } else if (q.sort === 'messages') {
    // Most topics in play: every topic's count, kept per watermark generation; a filter that keeps
    // few topics counts just those.
    counts = topics.length * 2 > meta.topics.size ? await allMessageCounts(clients, meta) : await messageCounts(clients, topics);
    const c = counts;
    const order = `${q.internal}\u0000${needle}\u0000${sign}\u0000${visible.key}`;
    const sorted = sortedByCount.get(c);
    if (sorted?.key === order) topics = sorted.topics;
    else {
      topics.sort((a, b) => sign * (c.get(a.name)! < c.get(b.name)! ? -1 : c.get(a.name)! > c.get(b.name)! ? 1 : 0));
      sortedByCount.set(c, { key: order, topics });
    }
  } else if (q.sort === 'name') {
    if (sign < 0) topics.reverse();
  } else {
    const key = {
      partitions: (t: TopicMeta) => t.partitions.length,
      replicationFactor: (t: TopicMeta) => t.partitions[0]?.replicas.length ?? 0,
      underReplicated,
    }[q.sort];
    topics.sort((a, b) => sign * (key(a) - key(b)));
  }
  const total = topics.length;
  topics = topics.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const page = topics;
  const [pageCounts, configs, pageSizes] = await Promise.all([
    counts ?? messageCounts(clients, page),
    describeTopicConfigs(clients, page.map((t) => t.name)).catch(() => null),
    q.sort === 'size' ? sizes : pageSizesOf(clients, page),
  ]);
  const items: TopicSummary[] = topics.map((t) => ({
    name: t.name,
    internal: t.internal,
    partitions: t.partitions.length,
    replicationFactor: t.partitions[0]?.replicas.length ?? 0,
    underReplicated: underReplicated(t),
    offline: offline(t),
    messages: (pageCounts.get(t.name) ?? 0n).toString(),
    customConfig: configs?.has(t.name) ? isCustomised(configs.get(t.name)!) : null,
    sizeBytes: pageSizes?.topics.get(t.name)?.toString() ?? null,
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** `visible`: the consuming groups the asker may not view are left out. */
export async function getTopic(clients: ClusterClients, name: string, visible: Visibility = SEES_ALL): Promise<TopicDetail> {
  const t = await requireTopic(clients, name);
  const [wm, configs, groups, sizes] = await Promise.all([
    getWatermarks(clients, partitionsOf(t)),
    describeTopicConfigs(clients, [name]).catch(() => null),
    groupsConsumingTopic(clients, name).catch(() => []),
    pageSizesOf(clients, [t]),
  ]);
  let messages = 0n;
  const partitions = t.partitions.map((p) => {
    const w = watermarkOf(wm, name, p.partition) ?? { low: 0n, high: 0n };
    messages += w.high - w.low;
    return {
      partition: p.partition,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
      offline: p.offline,
      preferredLeader: p.leader >= 0 && p.leader === p.replicas[0],
      underReplicated: p.isr.length < p.replicas.length,
      low: w.low.toString(),
      high: w.high.toString(),
      messages: (w.high - w.low).toString(),
      sizeBytes: sizes ? (partitionSize(sizes.replicas, name, p.partition)?.toString() ?? null) : null,
      replicaSizes: [...(sizes?.replicas.get(tpKey({ topic: name, partition: p.partition })) ?? [])]
        .sort(([a], [b]) => a - b)
        .map(([broker, bytes]) => ({ broker, sizeBytes: bytes.toString() })),
    };
  });
  return {
    name,
    internal: t.internal,
    replicationFactor: t.partitions[0]?.replicas.length ?? 0,
    partitions,
    configs: configs?.get(name) ?? [],
    groups: groups.filter((g) => visible.group(g.groupId)),
    totals: { messages: messages.toString(), underReplicated: underReplicated(t), offline: offline(t), sizeBytes: sizes?.topics.get(name)?.toString() ?? null },
  };
}

export async function createTopic(clients: ClusterClients, req: CreateTopicRequest) {
  const meta = await loadMetadata(clients, true);
  if (req.replicationFactor > meta.brokers.length) {
    throw invalid(`Replication factor ${req.replicationFactor} is larger than the ${meta.brokers.length} available broker(s).`, 'replicationFactor');
  }
  if (meta.topics.has(req.name)) throw conflict(`Topic "${req.name}" already exists.`, 'TOPIC_ALREADY_EXISTS');
  // kafkajs answers false instead of an error when the topic already exists.
  const created = await clients.writes.admin((admin) =>
    admin.createTopics({
      waitForLeaders: true,
      timeout: clients.timeouts.requestMs,
      topics: [
        {
          topic: req.name,
          numPartitions: req.partitions,
          replicationFactor: req.replicationFactor,
          configEntries: Object.entries(req.configs).map(([name, value]) => ({ name, value })),
        },
      ],
    }),
  );
  if (!created) throw conflict(`Topic "${req.name}" already exists.`, 'TOPIC_ALREADY_EXISTS');
  invalidate.topics(clients.cache);
  return { name: req.name, partitions: req.partitions, replicationFactor: req.replicationFactor };
}

export async function deleteTopic(clients: ClusterClients, name: string): Promise<void> {
  await requireTopic(clients, name);
  await clients.writes.admin((admin) => admin.deleteTopics({ topics: [name], timeout: clients.timeouts.requestMs }));
  invalidate.topics(clients.cache);
}

export async function addPartitions(clients: ClusterClients, name: string, req: z.infer<typeof AddPartitionsRequestSchema>) {
  const t = await requireTopic(clients, name);
  if (req.count <= t.partitions.length) {
    throw invalid(`The new partition count must be larger than the current ${t.partitions.length}.`, 'count');
  }
  await clients.writes.admin((admin) => admin.createPartitions({ topicPartitions: [{ topic: name, count: req.count }], timeout: clients.timeouts.requestMs }));
  invalidate.topics(clients.cache);
  return { name, partitions: req.count };
}

/** The topic's configs as they are now (for judging a change before it is made). */
export async function topicConfigEntries(clients: ClusterClients, name: string) {
  await requireTopic(clients, name);
  return (await describeTopicConfigs(clients, [name])).get(name) ?? [];
}

export async function updateTopicConfigs(clients: ClusterClients, name: string, req: z.infer<typeof UpdateTopicConfigsRequestSchema>) {
  await requireTopic(clients, name);
  // AlterConfigs replaces the whole set: start from the current overrides, apply the changes.
  const current = (await describeTopicConfigs(clients, [name])).get(name) ?? [];
  const next = new Map(current.filter((e) => e.source === 'DYNAMIC_TOPIC_CONFIG' && e.value !== null).map((e) => [e.name, e.value!]));
  for (const [k, v] of Object.entries(req.configs)) {
    if (v === null) next.delete(k);
    else next.set(k, v);
  }
  const configEntries = [...next].map(([n, value]) => ({ name: n, value }));
  const target = controllerOrAnyLive(await loadMetadata(clients));
  if (target === undefined) throw unavailable('No broker of the cluster is reachable.');
  const answer = await clients.writes.raw(async (cluster) =>
    alterConfigsOn(await brokerFor(cluster, target), [{ type: ConfigResourceTypes.TOPIC, name, configEntries }]),
  );
  const failed = answer.resources.find((r) => r.errorCode !== 0);
  if (failed) {
    const kafkaError = errorName(failed.errorCode);
    const detail = failed.errorMessage || `Kafka refused the configuration (${kafkaError}).`;
    if (kafkaError === 'UNKNOWN_TOPIC_OR_PARTITION') throw notFound(`Topic "${name}" does not exist.`);
    throw rejected(kafkaError, detail, 'configs');
  }
  invalidate.topics(clients.cache);
  return (await describeTopicConfigs(clients, [name])).get(name) ?? [];
}

export async function deleteRecords(clients: ClusterClients, name: string, req: DeleteRecordsRequest) {
  const t = await requireTopic(clients, name);
  const wm = await getWatermarks(clients, partitionsOf(t));
  const targets =
    'all' in req
      ? t.partitions.map((p) => ({ partition: p.partition, offset: (watermarkOf(wm, name, p.partition)?.high ?? 0n).toString() }))
      : req.partitions.map((p) => {
          if (!t.partitions.some((x) => x.partition === p.partition)) throw notFound(`Topic "${name}" has no partition ${p.partition}.`);
          const high = watermarkOf(wm, name, p.partition)?.high ?? 0n;
          // Kafka refuses offsets past the high watermark; "up to" an offset beyond it means all.
          return { partition: p.partition, offset: (BigInt(p.offset) > high ? high : BigInt(p.offset)).toString() };
        });
  await clients.writes.admin(async (admin) => {
    // kafkajs's deleteTopicRecords looks leaders up only in the metadata the admin already holds, so
    // a topic created since then would have "no leader": load this topic's metadata first.
    await admin.fetchTopicMetadata({ topics: [name] });
    await admin.deleteTopicRecords({ topic: name, partitions: targets });
  });
  invalidate.topics(clients.cache);
  const after = await getWatermarks(clients, targets.map((p) => ({ topic: name, partition: p.partition })));
  return { partitions: targets.map((p) => ({ partition: p.partition, low: (watermarkOf(after, name, p.partition)?.low ?? 0n).toString() })) };
}
