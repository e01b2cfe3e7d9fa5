// The cluster overview (brokers, controller, totals) and one broker's detail with its configs, all
// from the cached metadata plus one DescribeConfigs.
import 'server-only';
import { notFound } from '../errors';
import type { BrokerDetail, BrokerSummary, ClusterOverview, LogDirs } from '../../schemas/broker';
import { loadLogDirs } from '../reading/log-dirs';
import type { ClusterClients } from '../connection/clients';
import { describeBrokerConfigs } from '../reading/configs';
import { loadMetadata, type ClusterMeta } from '../reading/metadata';
import { SEES_ALL, type Visibility } from '../visibility';

function summaries(meta: ClusterMeta): BrokerSummary[] {
  const led = new Map<number, number>();
  for (const t of meta.topics.values()) for (const p of t.partitions) led.set(p.leader, (led.get(p.leader) ?? 0) + 1);
  return meta.brokers.map((b) => ({ ...b, isController: b.id === meta.controllerId, partitionsLed: led.get(b.id) ?? 0 }));
}

/** The totals of the overview and of a cluster card, from one metadata snapshot. */
export function clusterTotals(meta: ClusterMeta, visible: Visibility = SEES_ALL): ClusterOverview['totals'] {
  let topics = 0;
  let partitions = 0;
  let underReplicated = 0;
  let offline = 0;
  let preferred = 0;
  let internalTopics = 0;
  for (const t of meta.topics.values()) {
    if (!visible.topic(t.name)) continue;
    topics++;
    if (t.internal) internalTopics++;
    for (const p of t.partitions) {
      partitions++;
      if (p.isr.length < p.replicas.length) underReplicated++;
      if (p.leader < 0) offline++;
      if (p.leader >= 0 && p.leader === p.replicas[0]) preferred++;
    }
  }
  return {
    topics: topics - internalTopics,
    internalTopics,
    partitions,
    underReplicated,
    offline,
    preferredLeaderPercent: partitions === 0 ? 100 : Math.round((1000 * preferred) / partitions) / 10,
  };
}

/** `visible`: the totals count only the topics the asker may view. */
export async function clusterOverview(clients: ClusterClients, visible: Visibility = SEES_ALL): Promise<ClusterOverview> {
  const meta = await loadMetadata(clients);
  return { clusterId: meta.clusterId, controllerId: meta.controllerId, brokers: summaries(meta), totals: clusterTotals(meta, visible) };
}

/** `visible`: the partitions it leads, of the topics the asker may view. */
export async function brokerDetail(clients: ClusterClients, id: number, visible: Visibility = SEES_ALL): Promise<BrokerDetail> {
  const meta = await loadMetadata(clients);
  const broker = summaries(meta).find((b) => b.id === id);
  if (!broker) throw notFound(`Broker ${id} is not part of the cluster.`);
  const configs = (await describeBrokerConfigs(clients, id).catch(() => null))?.get(String(id)) ?? [];
  const leads: BrokerDetail['leads'] = [];
  for (const t of [...meta.topics.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!visible.topic(t.name)) continue;
    const partitions = t.partitions.filter((p) => p.leader === id).map((p) => p.partition);
    if (partitions.length) leads.push({ topic: t.name, partitions });
  }
  return { broker, configs, leads };
}

/** Every broker's log directories and their sizes (one DescribeLogDirs per broker, cached briefly). */
export async function logDirs(clients: ClusterClients): Promise<LogDirs> {
  const sizes = await loadLogDirs(clients);
  return {
    brokers: sizes.brokers.map((b) => ({ id: b.id, answered: b.answered, dirs: b.dirs.map((d) => ({ ...d, sizeBytes: d.sizeBytes.toString() })) })),
  };
}
