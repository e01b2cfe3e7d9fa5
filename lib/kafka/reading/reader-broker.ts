// How a lane's reader reaches brokers without reading (and keeping) the metadata of every topic.
// kafkajs learns where brokers are only from a Metadata answer, and a reader asked for a node it
// does not know refreshes the metadata of *all* topics first. At 50,000 topics that is 200,000
// partitions decoded again by every new reader (a cold page that used two readers took twice as
// long), and each reader then keeps its copy (tens of MB, up to four readers per lane). So:
// - a reader that knows no broker asks Metadata for one topic name no Kafka accepts (the empty
//   name): the answer holds the broker list and an INVALID_TOPIC_EXCEPTION for that name, reads no
//   topic and creates nothing (brokers that auto-create named topics refuse illegal names too);
// - after any lookup the reader keeps only the broker list of its metadata. Nothing reads a
//   reader's topic list: leaders come from metadata.ts, which holds the only copy;
// - metadata of a few named topics can be asked of any broker in one request.
import 'server-only';
import { brokerFor } from '../connection/captured-cluster';
import type { RawBroker, RawCluster, RawMetadata } from '../connection/kafkajs-types';

/** Not a legal topic name anywhere, so asking for it reads and creates nothing. */
const NO_TOPIC = '';

/** Drops the topics from a reader's metadata, keeping its brokers. */
export function keepBrokersOnly(cluster: RawCluster): void {
  const raw = cluster.brokerPool.metadata;
  if (raw && raw.topicMetadata.length > 0) cluster.brokerPool.metadata = { ...raw, topicMetadata: [] };
}

/** Teaches a reader that knows no broker the broker list (see the header). Errors are left to the
 * lookup that follows, which falls back to kafkajs' own full refresh. */
async function learnBrokers(cluster: RawCluster): Promise<void> {
  if (!cluster.brokerPool.metadata) await cluster.metadata({ topics: [NO_TOPIC] }).catch(() => undefined);
}

/** The reader's connection to broker `nodeId`. */
export async function brokerOn(cluster: RawCluster, nodeId: number): Promise<RawBroker> {
  await learnBrokers(cluster);
  const broker = await brokerFor(cluster, nodeId);
  keepBrokersOnly(cluster);
  return broker;
}

/** The brokers, controller and cluster id, without any topic. */
export async function fetchBrokersOnly(cluster: RawCluster): Promise<RawMetadata> {
  await learnBrokers(cluster);
  const raw = cluster.brokerPool.metadata;
  if (raw) return { ...raw, topicMetadata: [] };
  // kafkajs refused the small request: its own refresh (every topic) still gives the brokers.
  await cluster.refreshMetadata();
  keepBrokersOnly(cluster);
  return cluster.brokerPool.metadata ?? { brokers: [], topicMetadata: [] };
}

/** Metadata of `topics` only (with the brokers), from one request to the controller or any broker. */
export async function fetchTopicsMetadata(cluster: RawCluster, topics: string[]): Promise<RawMetadata> {
  const brokers = await fetchBrokersOnly(cluster);
  // An empty list would mean every topic.
  if (topics.length === 0) return brokers;
  const ids = brokers.brokers.map((b) => b.nodeId);
  const target = ids.includes(brokers.controllerId ?? -1) ? brokers.controllerId! : ids[0];
  if (target === undefined) return brokers;
  return (await brokerOn(cluster, target)).metadata(topics);
}
