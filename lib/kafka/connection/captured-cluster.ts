// Group-less readers. kafkajs 2.2.4 has no consumer without a group, but kafka.consumer() hands its
// public Cluster to every partition-assigner factory at construction, before any network I/O. We keep
// that Cluster and never connect or run the consumer, so reading sends only ApiVersions, Metadata,
// ListOffsets and Fetch — never FindCoordinator, JoinGroup or OffsetCommit. Its brokers read metadata
// with errors as values, so an offline partition does not stop the rest from being read. The lanes
// (lane.ts) hold these clusters, a few per kind of work.
import 'server-only';
import type { Kafka } from 'kafkajs';
import type { RawCluster } from './kafkajs-types';
import { tolerateLeaderless } from './raw-requests';

/** Builds a Cluster the way a consumer would, without ever becoming a consumer. */
export function captureCluster(kafka: Kafka): RawCluster {
  let captured: RawCluster | undefined;
  kafka.consumer({
    // Required by kafkajs' constructor; never sent, since this consumer never connects.
    groupId: 'kafscope-groupless-reader',
    allowAutoTopicCreation: false,
    readUncommitted: true,
    metadataMaxAge: 2_000,
    partitionAssigners: [
      ({ cluster }) => {
        captured = cluster as unknown as RawCluster;
        return {
          name: 'kafscope-capture',
          version: 0,
          assign: async () => [],
          protocol: () => ({ name: 'kafscope-capture', metadata: Buffer.alloc(0) }),
        };
      },
    ],
  });
  if (!captured) throw new Error('kafkajs did not hand over its cluster');
  // A stopped broker leaves partitions leaderless; kafkajs would refuse that metadata (see raw-requests).
  return tolerateLeaderless(captured);
}

/** The connection to one broker. A fresh reader knows only its seed broker: kafkajs refreshes its
 * metadata when asked for an unknown node and throws, so one retry finds it. */
export async function brokerFor(cluster: RawCluster, nodeId: number) {
  try {
    return await cluster.findBroker({ nodeId: String(nodeId) });
  } catch {
    return await cluster.findBroker({ nodeId: String(nodeId) });
  }
}
