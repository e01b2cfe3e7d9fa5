// librdkafka, through the kcat command-line tool, against a 3-node broker: metadata layout, a keyed
// 10,000-message round trip in per-partition order, relative and timestamp offsets, and every
// compression codec stored untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerFor } from '../../lib/broker/handlers/registry';
import { ApiKey } from '../../lib/broker/protocol';
import { readBatchHeader, COMPRESSION_MASK } from '../../lib/broker/records/batch-header';
import { KCAT, requireKcat, runOk, startTestBroker, type TestBroker } from './helpers';

let broker: TestBroker;

beforeAll(async () => {
  requireKcat();
  broker = await startTestBroker({ nodes: 3, numPartitions: 3 });
});
afterAll(async () => {
  await broker?.close();
});

const kcat = (args: string[], input?: string) => runOk(KCAT, ['-b', broker.bootstrap, ...args], input);

interface KcatMetadata {
  brokers: { id: number; name: string }[];
  topics: { topic: string; partitions: { partition: number; leader: number; replicas: { id: number }[]; isrs: { id: number }[] }[] }[];
}

describe('kcat (librdkafka)', () => {
  it('-L shows every broker and the topic layout', async () => {
    broker.cluster.createTopic({ name: 'layout', numPartitions: 6, replicationFactor: 2 });
    const meta = JSON.parse(await kcat(['-L', '-J', '-t', 'layout'])) as KcatMetadata;
    expect(meta.brokers.map((b) => b.id).sort()).toEqual([0, 1, 2]);
    for (const b of meta.brokers) expect(b.name).toBe(`127.0.0.1:${broker.nodes[b.id]!.port}`);
    const topic = meta.topics.find((t) => t.topic === 'layout')!;
    expect(topic.partitions).toHaveLength(6);
    const leaders = new Set<number>();
    for (const p of topic.partitions) {
      const replicas = p.replicas.map((r) => r.id);
      expect(replicas).toHaveLength(2);
      expect(new Set(replicas).size).toBe(2);
      expect(p.leader).toBe(replicas[0]);
      expect(p.isrs.map((r) => r.id).sort()).toEqual([...replicas].sort());
      leaders.add(p.leader);
    }
    expect([...leaders].sort()).toEqual([0, 1, 2]);
  });

  it('round-trips 10,000 keyed messages in per-partition order', async () => {
    const n = 10_000;
    const lines = Array.from({ length: n }, (_, i) => `key-${i % 97}:value-${i}`).join('\n') + '\n';
    await kcat(['-P', '-t', 'keyed', '-K', ':'], lines);
    const out = await kcat(['-C', '-t', 'keyed', '-o', 'beginning', '-e', '-q', '-f', '%p %o %k %s\\n']);
    const rows = out.trim().split('\n').map((l) => l.split(' '));
    expect(rows).toHaveLength(n);
    const perPartition = new Map<string, { offsets: number[]; seq: number[]; keys: Set<string> }>();
    for (const [p, o, k, v] of rows) {
      const e = perPartition.get(p!) ?? { offsets: [], seq: [], keys: new Set<string>() };
      e.offsets.push(Number(o));
      e.seq.push(Number(v!.slice('value-'.length)));
      e.keys.add(k!);
      perPartition.set(p!, e);
    }
    expect(perPartition.size).toBeGreaterThan(1);
    const seen = new Set<number>();
    const keyHome = new Map<string, string>();
    for (const [p, e] of perPartition) {
      expect(e.offsets).toEqual(e.offsets.map((_, i) => i));
      expect(e.seq).toEqual([...e.seq].sort((a, b) => a - b));
      for (const s of e.seq) seen.add(s);
      for (const k of e.keys) {
        expect(keyHome.get(k) ?? p).toBe(p);
        keyHome.set(k, p);
      }
    }
    expect(seen.size).toBe(n);
  });

  it('reads the last five with -o -5', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `m${i}`).join('\n') + '\n';
    await kcat(['-P', '-t', 'tail', '-p', '0'], lines);
    const out = await kcat(['-C', '-t', 'tail', '-p', '0', '-o', '-5', '-e', '-q']);
    expect(out.trim().split('\n')).toEqual(['m15', 'm16', 'm17', 'm18', 'm19']);
  });

  it('starts at a timestamp with -o s@<ms>', async () => {
    await kcat(['-P', '-t', 'bytime', '-p', '0'], 'before-1\nbefore-2\n');
    await new Promise((r) => setTimeout(r, 20));
    const t = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    await kcat(['-P', '-t', 'bytime', '-p', '0'], 'after-1\nafter-2\n');
    const out = await kcat(['-C', '-t', 'bytime', '-p', '0', '-o', `s@${t}`, '-e', '-q', '-f', '%o %s\\n']);
    expect(out.trim().split('\n')).toEqual(['2 after-1', '3 after-2']);
  });

  // librdkafka 2.0.2 compresses with lz4 only when the broker serves FindCoordinator v0 (its marker
  // for "Kafka >= 0.8.2"), which the group handlers bring; before them it sends lz4 batches plain.
  const lz4Enabled = handlerFor(ApiKey.FindCoordinator, 0) !== undefined;
  for (const [codec, id] of [['gzip', 1], ['snappy', 2], ['lz4', lz4Enabled ? 3 : 0], ['zstd', 4]] as const) {
    it(`round-trips -z ${codec} batches, stored as sent`, async () => {
      const topic = `codec-${codec}`;
      const lines = Array.from({ length: 300 }, (_, i) => `${codec} message ${i} ${'x'.repeat(i % 50)}`);
      // librdkafka sends a batch plain when compressing would not shrink it, so a small first batch
      // cut off by the default 5 ms linger on a busy machine can be plain: linger long enough that
      // all 300 lines go in one batch.
      await kcat(['-P', '-t', topic, '-p', '0', '-z', codec, '-X', 'linger.ms=2000'], lines.join('\n') + '\n');
      const out = await kcat(['-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q']);
      expect(out.trim().split('\n')).toEqual(lines);
      const stored = broker.cluster.partition(topic, 0)!.log.read(0n, 1 << 20);
      expect(readBatchHeader(stored).attributes & COMPRESSION_MASK).toBe(id);
    });
  }
});
