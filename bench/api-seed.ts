// Seeds a cluster the size the API benchmark needs (10,000 or 50,000 topics, 10,000 groups) quickly: requests
// are built with the broker's own wire codec and pipelined on one socket per node, instead of going
// through a client library one round trip at a time. CreateTopics in batches of 1,000 names;
// OffsetCommit the way an admin tool commits (generation -1, no member), at each group's coordinator;
// Produce v3 with record batches built by the broker's own builder, one request per leader for up
// to 2,000 partitions (kafkajs' producer re-checks its whole topic list per send, which at 50,000
// topics took minutes).
import net from 'node:net';
import { ApiKey, decodeResponse, encodeRequest } from '../lib/broker/protocol';
import { ErrorCode } from '../lib/common/kafka-error-codes';
import { buildRecordBatch } from '../lib/broker/records/build';

/** One pipelined connection: requests go out back to back, answers are matched by correlation id. */
class WireClient {
  private next = 1;
  private buffered: Buffer = Buffer.alloc(0);
  private readonly waiting = new Map<number, { key: number; version: number; resolve(body: unknown): void; reject(e: Error): void }>();

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => this.failAll(e));
  }

  static connect(host: string, port: number): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ host, port }, () => resolve(new WireClient(s)));
      s.once('error', reject);
    });
  }

  send<T>(key: number, version: number, body: object): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { key, version, resolve: resolve as (b: unknown) => void, reject });
      this.socket.write(encodeRequest(key, version, id, 'bench-seed', body));
    });
  }

  private onData(chunk: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    while (this.buffered.length >= 4) {
      const size = this.buffered.readInt32BE(0);
      if (this.buffered.length < 4 + size) return;
      const frame = this.buffered.subarray(4, 4 + size);
      this.buffered = this.buffered.subarray(4 + size);
      const id = frame.readInt32BE(0);
      const w = this.waiting.get(id);
      if (!w) continue;
      this.waiting.delete(id);
      w.resolve(decodeResponse(w.key, w.version, frame).body);
    }
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  close(): void {
    this.socket.end();
  }
}

export interface SeedPlan {
  topics: number;
  /** Partitions of each of the `topics` small topics. */
  partitions: number;
  groups: number;
  /** Topic every group commits on (the "consumed by many groups" case). */
  hotTopic: string;
  hotPartitions: number;
  /** A few bigger topics besides the hot one. */
  bigTopics: number;
}

export const topicName = (i: number) => `topic-${String(i).padStart(5, '0')}`;
export const groupName = (i: number) => `group-${String(i).padStart(5, '0')}`;

async function inBatches<T>(items: T[], size: number, fn: (batch: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

export async function seed(bootstrap: string, plan: SeedPlan, log: (line: string) => void): Promise<void> {
  const addresses = bootstrap.split(',').map((a) => {
    const [host, port] = a.split(':') as [string, string];
    return { host, port: Number(port) };
  });
  const nodes = await Promise.all(addresses.map((a) => WireClient.connect(a.host, a.port)));
  const first = nodes[0]!;
  try {
    let t = Date.now();
    const specs = [
      ...Array.from({ length: plan.topics }, (_, i) => ({ name: topicName(i), numPartitions: plan.partitions })),
      { name: plan.hotTopic, numPartitions: plan.hotPartitions },
      ...Array.from({ length: plan.bigTopics }, (_, i) => ({ name: `big-${i}`, numPartitions: 24 })),
    ];
    await inBatches(specs, 1_000, async (batch) => {
      const res = await first.send<{ topics: { name: string; errorCode: number }[] }>(ApiKey.CreateTopics, 2, {
        timeoutMs: 30_000,
        validateOnly: false,
        topics: batch.map((s) => ({ ...s, replicationFactor: 1, assignments: [], configs: [] })),
      });
      const bad = res.topics.find((x) => x.errorCode !== ErrorCode.NONE && x.errorCode !== ErrorCode.TOPIC_ALREADY_EXISTS);
      if (bad) throw new Error(`CreateTopics ${bad.name}: error ${bad.errorCode}`);
    });
    log(`created ${specs.length} topics in ${Date.now() - t} ms`);

    t = Date.now();
    // Topic i holds i % 7 messages (message k on partition k % partitions); the hot and big topics
    // 200 per partition. One Produce per leader carries up to 2,000 partitions.
    const meta = await first.send<{ brokers: { nodeId: number; port: number }[]; topics: { name: string; partitions: { partitionIndex: number; leaderId: number }[] }[] }>(
      ApiKey.Metadata,
      4,
      { topics: null, allowAutoTopicCreation: false },
    );
    const leaderOf = new Map<string, number>();
    for (const topic of meta.topics) for (const p of topic.partitions) leaderOf.set(`${topic.name}\u0000${p.partitionIndex}`, p.leaderId);
    const nodeById = new Map(meta.brokers.map((b) => [b.nodeId, nodes[addresses.findIndex((a) => a.port === b.port)]]));
    const batches: { leader: number; topic: string; partition: number; records: Buffer }[] = [];
    const add = (topic: string, partition: number, count: number, value: (k: number) => string) => {
      if (count === 0) return;
      const records = buildRecordBatch(Array.from({ length: count }, (_, k) => ({ key: null, value: Buffer.from(value(k)) })));
      batches.push({ leader: leaderOf.get(`${topic}\u0000${partition}`) ?? -1, topic, partition, records });
    };
    for (let i = 0; i < plan.topics; i++) {
      const n = i % 7;
      for (let p = 0; p < plan.partitions; p++) add(topicName(i), p, Math.floor(n / plan.partitions) + (p < n % plan.partitions ? 1 : 0), (k) => `m${k}`);
    }
    for (const name of [plan.hotTopic, ...Array.from({ length: plan.bigTopics }, (_, i) => `big-${i}`)]) {
      const partitions = name === plan.hotTopic ? plan.hotPartitions : 24;
      for (let p = 0; p < partitions; p++) add(name, p, 200, (k) => `v${k}`);
    }
    const byLeader = new Map<number, typeof batches>();
    for (const b of batches) {
      const list = byLeader.get(b.leader);
      if (list) list.push(b);
      else byLeader.set(b.leader, [b]);
    }
    await Promise.all(
      [...byLeader].map(async ([leader, list]) => {
        const client = nodeById.get(leader);
        if (!client) throw new Error(`no connection to leader ${leader}`);
        await inBatches(list, 2_000, async (chunk) => {
          const topics = new Map<string, { index: number; records: Buffer }[]>();
          for (const b of chunk) {
            const list = topics.get(b.topic);
            if (list) list.push({ index: b.partition, records: b.records });
            else topics.set(b.topic, [{ index: b.partition, records: b.records }]);
          }
          const res = await client.send<{ responses: { name: string; partitionResponses: { errorCode: number }[] }[] }>(ApiKey.Produce, 3, {
            transactionalId: null,
            acks: 1,
            timeoutMs: 30_000,
            topicData: [...topics].map(([name, partitionData]) => ({ name, partitionData })),
          });
          const bad = res.responses.find((r) => r.partitionResponses.some((p) => p.errorCode !== ErrorCode.NONE));
          if (bad) throw new Error(`Produce to ${bad.name}: error ${bad.partitionResponses.find((p) => p.errorCode !== ErrorCode.NONE)!.errorCode}`);
        });
      }),
    );
    log(`produced messages in ${Date.now() - t} ms`);

    t = Date.now();
    const groups = Array.from({ length: plan.groups }, (_, i) => groupName(i));
    const coordinator = new Map<string, number>();
    await inBatches(groups, 2_000, async (batch) => {
      await Promise.all(
        batch.map(async (g) => {
          const r = await first.send<{ errorCode: number; nodeId: number }>(ApiKey.FindCoordinator, 1, { key: g, keyType: 0 });
          if (r.errorCode !== ErrorCode.NONE) throw new Error(`FindCoordinator ${g}: error ${r.errorCode}`);
          coordinator.set(g, r.nodeId);
        }),
      );
    });
    await inBatches(groups, 2_000, async (batch) => {
      await Promise.all(
        batch.map(async (g, j) => {
          const i = Number(g.slice('group-'.length));
          const own = topicName(i % plan.topics);
          const res = await nodes[coordinator.get(g)!]!.send<{ topics: { partitions: { errorCode: number }[] }[] }>(ApiKey.OffsetCommit, 2, {
            groupId: g,
            generationIdOrMemberEpoch: -1,
            memberId: '',
            retentionTimeMs: -1n,
            topics: [
              { name: own, partitions: [{ partitionIndex: 0, committedOffset: 0n, committedMetadata: null }] },
              {
                name: plan.hotTopic,
                partitions: Array.from({ length: plan.hotPartitions }, (_, p) => ({ partitionIndex: p, committedOffset: BigInt((i + j + p) % 200), committedMetadata: null })),
              },
            ],
          });
          const code = res.topics[0]?.partitions[0]?.errorCode;
          if (code !== ErrorCode.NONE) throw new Error(`OffsetCommit ${g}: error ${code}`);
        }),
      );
    });
    log(`committed offsets for ${groups.length} groups in ${Date.now() - t} ms`);
  } finally {
    for (const n of nodes) n.close();
  }
}
