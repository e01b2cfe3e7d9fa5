// Set-up shared by the lag-history integration tests: an embedded broker on random ports (in
// memory), the console configured with it as the cluster "h", lag history sampling it every 200 ms
// into a temporary directory (a window of 4 samples), and kafkajs clients to act as applications.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import { startBroker, type RunningBroker } from '../../lib/broker';
import { loadAppConfig } from '../../lib/config';
import { captureCluster } from '../../lib/kafka/connection/captured-cluster';
import { configureClusters, resetClusters } from '../../lib/kafka/connection/registry';
import { historyOf, startHistory, stopHistory, type ClusterHistory, type MetricsFilter } from '../../lib/kafka/history/history';
import type { Status } from '../../lib/kafka/history/verdicts';

export const CLUSTER = 'h';
export const INTERVAL_MS = 200;
export const WINDOW = { samples: 4, ms: 60_000 };

export interface HistoryHarness {
  broker: RunningBroker;
  kafka: Kafka;
  producer: Producer;
  dataDir: string;
  history(): ClusterHistory;
  close(): Promise<void>;
}

export async function startHistoryHarness(metrics: MetricsFilter = {}): Promise<HistoryHarness> {
  const broker = await startBroker({ port: 0, nodes: 1, dataDir: null, log: () => undefined });
  process.env.KAFSCOPE_QUIET_KAFKA_LOGS = '1';
  await resetClusters();
  configureClusters(loadAppConfig({ KAFKA_CLUSTERS_0_NAME: CLUSTER, KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: broker.bootstrap }));
  const dataDir = await mkdtemp(join(tmpdir(), 'kafscope-lag-it-'));
  await startHistory({ dataDir, intervalMs: INTERVAL_MS, window: WINDOW, metrics, log: () => undefined });
  const kafka = new Kafka({ clientId: 'history-test', brokers: broker.bootstrap.split(','), logLevel: logLevel.NOTHING, retry: { retries: 3 } });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  return {
    broker,
    kafka,
    producer,
    dataDir,
    history: () => historyOf(CLUSTER)!,
    async close() {
      await producer.disconnect().catch(() => undefined);
      await stopHistory();
      await resetClusters();
      await broker.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createTopic(h: HistoryHarness, topic: string, partitions = 1): Promise<void> {
  const admin = h.kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** Commits offsets as an admin tool does (generation -1, no member), straight to the coordinator with
 * a raw OffsetCommit: nothing clamps them, so a commit above the log end stays above it. */
export async function commitOffsets(h: HistoryHarness, groupId: string, topic: string, offsets: Record<number, bigint | number>): Promise<void> {
  const cluster = captureCluster(h.kafka);
  await cluster.connect();
  try {
    const coordinator = await cluster.findGroupCoordinator({ groupId });
    await coordinator.offsetCommit({
      groupId,
      groupGenerationId: -1,
      memberId: '',
      retentionTime: -1,
      topics: [{ topic, partitions: Object.entries(offsets).map(([p, offset]) => ({ partition: Number(p), offset: String(offset) })) }],
    });
  } finally {
    await cluster.disconnect();
  }
}

export async function produce(h: HistoryHarness, topic: string, count: number, partition = 0): Promise<void> {
  await h.producer.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ partition, value: `m${i}` })) });
}

export async function logEnd(h: HistoryHarness, topic: string, partition = 0): Promise<bigint> {
  const admin = h.kafka.admin();
  await admin.connect();
  try {
    return BigInt((await admin.fetchTopicOffsets(topic)).find((o) => o.partition === partition)!.high);
  } finally {
    await admin.disconnect();
  }
}

/** Waits for the group's status (checked after every round), or fails with the last one seen. */
export async function statusBecomes(h: HistoryHarness, group: string, wanted: Status | ((s: Status) => boolean), timeoutMs = 15_000): Promise<{ status: Status; reason: string }> {
  const ok = typeof wanted === 'string' ? (s: Status) => s === wanted : wanted;
  const deadline = Date.now() + timeoutMs;
  let last: { status: Status; reason: string } | undefined;
  while (Date.now() < deadline) {
    last = h.history().store.statusOf(group);
    if (last && ok(last.status)) return last;
    await new Promise((r) => setTimeout(r, INTERVAL_MS / 2));
  }
  throw new Error(`group ${group} did not reach ${String(wanted)}; last: ${JSON.stringify(last)}`);
}

/** Waits for `n` more successful rounds. */
export async function rounds(h: HistoryHarness, n: number): Promise<void> {
  const target = h.history().sampler.counters.ok + n;
  const deadline = Date.now() + 20_000;
  while (h.history().sampler.counters.ok < target) {
    if (Date.now() > deadline) throw new Error(`no ${n} rounds in 20 s: ${JSON.stringify(h.history().sampler.lastRound)}`);
    await new Promise((r) => setTimeout(r, INTERVAL_MS / 2));
  }
}
