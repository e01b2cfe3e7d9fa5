// What the lag history costs at 10,000 groups x 10 partitions sampled every 30 s, measured without
// a broker: synthetic rounds go through the real store (encode, write, window, verdicts for every
// group) into a temporary directory, a day at a time on an injected clock. Prints disk per day (full
// resolution, and after downsampling to 5 minutes), CPU per round (the store's work only, not the
// generation of the samples), memory, the time to downsample a day, and reading one group's day.
//
// Run by bench/lag.ts (`npm run bench:lag -- --case store [--groups 10000 --partitions 10 --rounds 2880]`).
//
// Each group reads its own topic (the worst case: 100,000 distinct partitions), unless
// --shared-topics, where 1,000 topics are read by 10 groups each. The traffic is a mix: 50 % of the
// groups keep up with a steady producer (noisy rates of 1 to 200 records/s per partition), 30 % sit
// on idle topics, 20 % fall behind a bursty producer and catch up.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LagStore } from '../lib/kafka/history/store';
import { dayStart } from '../lib/kafka/history/store-format';
import type { RoundSample } from '../lib/kafka/history/types';

export interface StoreCostOptions {
  groups: number;
  partitions: number;
  rounds: number;
  intervalMs: number;
  sharedTopics: boolean;
}
let GROUPS = 10_000;
let PARTITIONS = 10;
let ROUNDS = 2880;
let INTERVAL = 30_000;
let SHARED = false;

/** A small deterministic generator, so two runs measure the same traffic. */
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

type Kind = 'steady' | 'idle' | 'bursty';
interface Sim {
  topics: string[];
  kinds: Map<string, Kind>;
  rate: Map<string, number>;
  logEnd: Map<string, bigint>;
  logStart: Map<string, bigint>;
  groups: { name: string; topic: string; kind: Kind; committed: bigint[] }[];
}

function setUp(): Sim {
  const topicCount = SHARED ? Math.ceil(GROUPS / 10) : GROUPS;
  const topics = Array.from({ length: topicCount }, (_, i) => `orders.region-${i % 17}.events-${String(i).padStart(5, '0')}`);
  const kinds = new Map<string, Kind>();
  const rate = new Map<string, number>();
  const logEnd = new Map<string, bigint>();
  const logStart = new Map<string, bigint>();
  topics.forEach((t, i) => {
    const k: Kind = i % 10 < 5 ? 'steady' : i % 10 < 8 ? 'idle' : 'bursty';
    kinds.set(t, k);
    rate.set(t, 1 + random() * 199);
    for (let p = 0; p < PARTITIONS; p++) {
      const end = BigInt(Math.floor(random() * 5_000_000_000));
      logEnd.set(`${t}/${p}`, end);
      logStart.set(`${t}/${p}`, end > 19_500_000n ? end - 19_500_000n : 0n);
    }
  });
  const groups = Array.from({ length: GROUPS }, (_, i) => {
    const topic = topics[i % topicCount]!;
    return { name: `service-${i % 50}.consumer-group-${String(i).padStart(5, '0')}`, topic, kind: kinds.get(topic)!, committed: Array.from({ length: PARTITIONS }, (_, p) => logEnd.get(`${topic}/${p}`)!) };
  });
  return { topics, kinds, rate, logEnd, logStart, groups };
}

function step(sim: Sim, at: number, round: number): RoundSample {
  const seconds = INTERVAL / 1000;
  const partitions: RoundSample['partitions'] = [];
  for (const t of sim.topics) {
    const kind = sim.kinds.get(t)!;
    for (let p = 0; p < PARTITIONS; p++) {
      const key = `${t}/${p}`;
      let produced = 0;
      if (kind === 'steady') produced = Math.round(sim.rate.get(t)! * seconds * (0.8 + random() * 0.4));
      if (kind === 'bursty') produced = round % 20 < 4 ? Math.round(sim.rate.get(t)! * seconds * 4 * random()) : 0;
      const end = sim.logEnd.get(key)! + BigInt(produced);
      sim.logEnd.set(key, end);
      // Retention deletes whole segments: the log start jumps by a segment (1,000,000 records here)
      // once the log holds more than 20 of them, as Kafka's does, rather than moving every round.
      let start = sim.logStart.get(key)!;
      while (end - start > 20_000_000n) start += 1_000_000n;
      sim.logStart.set(key, start);
      partitions.push({ topic: t, partition: p, logStart: start, logEnd: end });
    }
  }
  const groups: RoundSample['groups'] = sim.groups.map((g) => ({
    group: g.name,
    members: g.kind === 'idle' ? 0 : 3,
    commits: g.committed.map((c, p) => {
      const end = sim.logEnd.get(`${g.topic}/${p}`)!;
      let next = c;
      if (g.kind === 'steady') next = end - BigInt(Math.floor(random() * 50));
      if (g.kind === 'bursty') next = c + BigInt(Math.round(sim.rate.get(g.topic)! * seconds * 1.5));
      if (next > end) next = end;
      if (next < c) next = c;
      g.committed[p] = next;
      return { topic: g.topic, partition: p, committed: next };
    }),
  }));
  return { at, partitions, groups };
}

const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;

export async function storeCost(o: StoreCostOptions): Promise<void> {
  ({ groups: GROUPS, partitions: PARTITIONS, rounds: ROUNDS, intervalMs: INTERVAL, sharedTopics: SHARED } = o);
  const dir = await mkdtemp(join(tmpdir(), 'kafscope-lag-cost-'));
  const day0 = dayStart('2030-01-01');
  let now = day0;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage();
  const store = await LagStore.open({ dir, clock: () => now });
  const sim = setUp();
  console.log(`lag history cost: ${GROUPS} groups x ${PARTITIONS} partitions (${SHARED ? 'shared' : 'own'} topics, ${sim.topics.length * PARTITIONS} partitions), a round every ${INTERVAL / 1000} s, ${ROUNDS} rounds`);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    now = day0 + r * INTERVAL;
    const round = step(sim, now, r);
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    await store.append(round);
    wall.push(performance.now() - w0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if ((r + 1) % 240 === 0) console.log(`  ${r + 1} rounds, ${mb(store.disk().bytes)} on disk, last round ${cpu.at(-1)!.toFixed(0)} ms CPU`);
  }
  gc?.();
  const mem = process.memoryUsage();
  const sorted = [...cpu].sort((a, b) => a - b);
  const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  const disk = store.disk();
  const perDay = (disk.bytes * (86_400_000 / INTERVAL)) / ROUNDS;
  console.log(`\nCPU per round (encode + write + window + verdicts of every group): median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms; wall median ${[...wall].sort((a, b) => a - b)[wall.length >> 1]!.toFixed(0)} ms`);
  console.log(`disk: ${mb(disk.bytes)} for ${ROUNDS} rounds = ${mb(perDay)} per day at full resolution (${(disk.bytes / ROUNDS / 1024).toFixed(0)} KB a round, keyframes included)`);
  console.log(`memory: heap +${mb(mem.heapUsed - baseline.heapUsed)}, RSS +${mb(mem.rss - baseline.rss)} (window typed arrays ${mb(store.memoryBytes)})${gc ? '' : ' (run with NODE_OPTIONS=--expose-gc for steadier figures)'}`);

  const group = sim.groups[0]!.name;
  let t0 = performance.now();
  const day = await store.history(group, day0, now, 2000);
  console.log(`one group's whole day from disk: ${day.length} points in ${(performance.now() - t0).toFixed(0)} ms`);
  t0 = performance.now();
  const recent = await store.history(group, now - 15 * 60_000, now, 2000);
  console.log(`one group's last 15 minutes from disk: ${recent.length} points in ${(performance.now() - t0).toFixed(0)} ms`);

  // Two days later the day is past the downsampling age.
  now = day0 + 2 * 86_400_000 + 1;
  t0 = performance.now();
  const c0 = process.cpuUsage();
  await store.maintain();
  const c = process.cpuUsage(c0);
  const after = store.disk();
  const down = after.files.find((f) => f.resolutionMs > 0);
  if (down) {
    console.log(`downsampled to 5 minutes in ${((performance.now() - t0) / 1000).toFixed(1)} s (${((c.user + c.system) / 1e6).toFixed(1)} s CPU): ${mb(down.bytes)}, ${down.rounds} rounds = ${mb((down.bytes * 288) / Math.max(1, down.rounds))} per downsampled day`);
    t0 = performance.now();
    const old = await store.history(group, day0, day0 + 86_400_000, 2000);
    console.log(`one group's downsampled day from disk: ${old.length} points in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
