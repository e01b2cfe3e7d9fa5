// The audit topic exists before the first entry is produced to it. Where it is missing, the console
// creates it, as its own write (no user switch governs it: the operator asked for the trail by
// naming the topic): one partition, so the cluster's trail keeps one order, replicated on up to three
// brokers so it outlives one broker, everything else the cluster's defaults. On a cluster that is
// read-only in this console it is never created: there the trail is produced only to a topic the
// operators made for it, and its absence is reported (by the trail's log line) until they do.
import 'server-only';
import { invalidate } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { DomainError, notFound } from '../errors';
import { loadMetadata } from '../reading/metadata';

const MAX_REPLICATION = 3;

export async function ensureAuditTopic(clients: ClusterClients, topic: string): Promise<void> {
  const meta = await loadMetadata(clients, true);
  if (meta.topics.has(topic)) return;
  if (clients.config.switches.readOnly) {
    throw notFound(`the topic does not exist and cluster "${clients.name}" is read-only here, so Kafscope does not create it; create it to receive the trail`);
  }
  const replicationFactor = Math.max(1, Math.min(MAX_REPLICATION, meta.brokers.length));
  // Another instance may have created it meanwhile: as good.
  try {
    await clients.writes.admin((admin) =>
      admin.createTopics({ waitForLeaders: true, timeout: clients.timeouts.requestMs, topics: [{ topic, numPartitions: 1, replicationFactor }] }),
    );
  } catch (err) {
    if (!(err instanceof DomainError && err.kind === 'conflict')) throw err;
  }
  invalidate.topics(clients.cache);
  console.log(`kafscope: created the audit topic "${topic}" on cluster "${clients.name}" (1 partition, replication factor ${replicationFactor})`);
}
