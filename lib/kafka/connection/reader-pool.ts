// Group-less readers. kafkajs 2.2.4 has no consumer without a group, but kafka.consumer() hands its
// public Cluster to every partition-assigner factory at construction, before any network I/O. We keep
// that Cluster and never connect or run the consumer, so reading sends only ApiVersions, Metadata,
// ListOffsets and Fetch — never FindCoordinator, JoinGroup or OffsetCommit. Its brokers read metadata
// with errors as values, so an offline partition does not stop the rest from being read.
//
// Readers are pooled per cluster with a concurrency limit (one slow search cannot serialise every
// user, and a burst cannot open unbounded sockets) and are disconnected after being idle a while.
import type { Kafka } from 'kafkajs';
import { unavailable } from '../../http/problem';
import { withDeadline } from './cache';
import type { RawCluster } from './kafkajs-types';
import { tolerateLeaderless } from './raw-requests';

const IDLE_MS = 60_000;

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

interface Slot {
  cluster: RawCluster;
  connected: Promise<void> | null;
  idleSince: number;
}

export class ReaderPool {
  private readonly idle: Slot[] = [];
  private readonly waiters: ((slot: Slot | null) => void)[] = [];
  private created = 0;
  private closed = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly kafka: Kafka,
    private readonly size: number,
    private readonly connectDeadlineMs: number,
  ) {
    this.timer = setInterval(() => this.sweep(), IDLE_MS / 2);
    this.timer.unref();
  }

  /** Runs `fn` with a connected reader, waiting for a free one when all are busy. */
  async use<T>(fn: (cluster: RawCluster) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    let healthy = true;
    try {
      await this.connect(slot);
      return await fn(slot.cluster);
    } catch (err) {
      healthy = slot.cluster.isConnected();
      throw err;
    } finally {
      this.release(slot, healthy);
    }
  }

  private connect(slot: Slot): Promise<void> {
    if (!slot.connected) {
      slot.connected = withDeadline(slot.cluster.connect(), this.connectDeadlineMs, () =>
        unavailable('The cluster did not answer in time.'),
      );
      slot.connected.catch(() => {
        slot.connected = null;
      });
    }
    return slot.connected;
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(unavailable('The connection to the cluster is closing.'));
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    if (this.created < this.size) {
      this.created++;
      return Promise.resolve({ cluster: captureCluster(this.kafka), connected: null, idleSince: Date.now() });
    }
    return new Promise((resolve, reject) =>
      this.waiters.push((s) => (s ? resolve(s) : reject(unavailable('The connection to the cluster is closing.')))),
    );
  }

  private release(slot: Slot, healthy: boolean): void {
    if (!healthy) {
      // A reader whose connection broke is dropped; the next request builds a fresh one.
      void slot.cluster.disconnect().catch(() => undefined);
      slot.cluster = captureCluster(this.kafka);
      slot.connected = null;
    }
    slot.idleSince = Date.now();
    const waiter = this.waiters.shift();
    if (waiter) waiter(slot);
    else this.idle.push(slot);
  }

  private sweep(): void {
    const now = Date.now();
    for (let i = this.idle.length - 1; i >= 0; i--) {
      const slot = this.idle[i]!;
      if (now - slot.idleSince > IDLE_MS) {
        this.idle.splice(i, 1);
        this.created--;
        void slot.cluster.disconnect().catch(() => undefined);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (const w of this.waiters.splice(0)) w(null);
    await Promise.all(this.idle.splice(0).map((s) => s.cluster.disconnect().catch(() => undefined)));
  }
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
