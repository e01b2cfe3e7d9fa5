// What one lag-sample round costs the console against a real broker at 10,000 groups x 10
// partitions: the embedded broker runs as a child process (so this process's CPU time is the
// sampler's alone: kafkajs requests and answers, the store, the verdicts), seeded with one topic of
// 10 partitions per group and a commit on each partition; then rounds are taken as the sampler
// takes them (a place in the long lane, ListGroups, OffsetFetch per group, DescribeGroups, ListOffsets
// per leader, append) and timed.
//
// Run by bench/lag.ts (`npm run bench:lag -- --case sampler [--groups 10000 --partitions 10 --rounds 10]`).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { loadAppConfig } from '../lib/config';
import { mapBounded } from '../lib/kafka/connection/cache';
import { captureCluster } from '../lib/kafka/connection/captured-cluster';
import { clientsFor, configureClusters, resetClusters } from '../lib/kafka/connection/registry';
import { sampleRound } from '../lib/kafka/history/sampler';
import { LagStore } from '../lib/kafka/history/store';
import { startBrokerProcess } from './broker-process';

export interface SamplerCostOptions {
  groups: number;
  partitions: number;
  rounds: number;
}

const mb = (n: number) => `${(n / 1_048_576).toFixed(0)} MB`;

export async function samplerCost({ groups: GROUPS, partitions: PARTITIONS, rounds: ROUNDS }: SamplerCostOptions): Promise<void> {
  const broker = await startBrokerProcess(1);
  const bootstrap = broker.bootstrap;
  const dir = await mkdtemp(join(tmpdir(), 'kafscope-lag-sampler-'));
  try {
    const kafka = new Kafka({ clientId: 'measure', brokers: [bootstrap], logLevel: logLevel.NOTHING, requestTimeout: 120_000 });
    const admin = kafka.admin();
    await admin.connect();
    const topic = (g: number) => `events-${String(g).padStart(5, '0')}`;
    let t0 = performance.now();
    for (let i = 0; i < GROUPS; i += 1000) {
      const topics = [];
      for (let g = i; g < Math.min(GROUPS, i + 1000); g++) topics.push({ topic: topic(g), numPartitions: PARTITIONS, replicationFactor: 1 });
      await admin.createTopics({ topics, waitForLeaders: false, timeout: 120_000 });
    }
    await admin.disconnect();
    const seed = captureCluster(kafka);
    await seed.connect();
    const coordinator = await seed.findGroupCoordinator({ groupId: 'group-00000' });
    await mapBounded(
      Array.from({ length: GROUPS }, (_, g) => g),
      64,
      (g) =>
        coordinator.offsetCommit({
          groupId: `group-${String(g).padStart(5, '0')}`,
          groupGenerationId: -1,
          memberId: '',
          retentionTime: -1,
          topics: [{ topic: topic(g), partitions: Array.from({ length: PARTITIONS }, (_, p) => ({ partition: p, offset: '0' })) }],
        }),
    );
    await seed.disconnect();
    console.log(`seeded ${GROUPS} groups x ${PARTITIONS} partitions (${GROUPS} topics) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    process.env.KAFSCOPE_QUIET_KAFKA_LOGS = '1';
    configureClusters(loadAppConfig({ KAFKA_CLUSTERS_0_NAME: 'm', KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: bootstrap, KAFKA_REQUEST_TIMEOUT_MS: '60000' }));
    const clients = clientsFor('m');
    let now = Date.now();
    const store = await LagStore.open({ dir, clock: () => now });
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage();
    for (let r = 0; r < ROUNDS; r++) {
      now = Date.now();
      const c0 = process.cpuUsage();
      t0 = performance.now();
      const lease = await clients.lanes.long.reserve();
      let sample;
      try {
        sample = await sampleRound(clients, (fn) => lease.run(fn), () => now);
      } finally {
        lease.release();
      }
      const read = performance.now() - t0;
      const cRead = process.cpuUsage(c0);
      await store.append(sample);
      const c = process.cpuUsage(c0);
      console.log(
        `round ${r + 1}: ${sample.groups.length} groups, ${sample.partitions.length} partitions; wall ${(performance.now() - t0).toFixed(0)} ms (reading ${read.toFixed(0)} ms); CPU ${((c.user + c.system) / 1000).toFixed(0)} ms (reading ${((cRead.user + cRead.system) / 1000).toFixed(0)} ms, store + verdicts ${((c.user + c.system - cRead.user - cRead.system) / 1000).toFixed(0)} ms)`,
      );
    }
    (globalThis as { gc?: () => void }).gc?.();
    const after = process.memoryUsage();
    console.log(`memory after ${ROUNDS} rounds: heap +${mb(after.heapUsed - before.heapUsed)}, RSS ${mb(after.rss)} (+${mb(after.rss - before.rss)}), disk ${mb(store.disk().bytes)}`);
    await store.close();
    await resetClusters();
  } finally {
    await broker.service.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
