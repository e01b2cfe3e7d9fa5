// Shared plumbing for the broker's interop tests: a broker on random ports with its log captured,
// temp dirs that clean up, and running the real client tools (kcat, kafka-python) — which must be
// installed; a missing tool fails the test with a message saying how to get it, never a skip.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, type Cluster as KafkaCluster } from 'kafkajs';
import { startBroker, type BrokerOptions, type RunningBroker } from '../../lib/broker';
import { decodeResponse, encodeRequest } from '../../lib/broker/protocol';

export interface TestBroker extends RunningBroker {
  logs: string[];
}

export async function startTestBroker(options: BrokerOptions = {}): Promise<TestBroker> {
  const logs: string[] = [];
  const broker = await startBroker({ port: 0, dataDir: null, log: (l) => logs.push(l), ...options });
  return Object.assign(broker, { logs });
}

/** A quiet kafkajs client for a test broker (or any `bootstrap` list), with short retries. */
export function kafkaFor(broker: { bootstrap: string }, extra: Partial<ConstructorParameters<typeof Kafka>[0]> = {}): Kafka {
  return new Kafka({
    clientId: 'kafscope-test',
    brokers: broker.bootstrap.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 3, initialRetryTime: 100 },
    ...extra,
  });
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `kafscope-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const KCAT = '/usr/bin/kcat';
export const PYTHON = '/usr/bin/python3';

export function requireKcat(): void {
  if (!existsSync(KCAT)) throw new Error(`kcat is missing at ${KCAT}: install the Debian package "kcat" (apt-get install kcat)`);
}

export function requireKafkaPython(): void {
  const probe = existsSync(PYTHON) ? spawnSync(PYTHON, ['-c', 'import kafka'], { encoding: 'utf8' }) : null;
  if (!probe || probe.status !== 0) {
    throw new Error(`kafka-python is not importable by ${PYTHON}: install the Debian package "python3-kafka"`);
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion, feeding `input` on stdin; never throws on a non-zero exit. */
export function run(cmd: string, args: string[], input?: string | Buffer, timeoutMs = 20_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

/** Like run(), but a non-zero exit is an error that carries stderr. */
export async function runOk(cmd: string, args: string[], input?: string | Buffer, timeoutMs?: number): Promise<string> {
  const r = await run(cmd, args, input, timeoutMs);
  if (r.code !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

let nextCorrelationId = 1;

/** A bare TCP client for sending hand-made frames and reading size-prefixed responses. */
export class RawClient {
  private buffered = Buffer.alloc(0);
  private waiting: ((frame: Buffer) => void) | null = null;
  readonly closed: Promise<void>;

  private constructor(readonly socket: import('node:net').Socket) {
    socket.on('data', (c: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, c]);
      this.deliver();
    });
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {});
  }

  static async connect(port: number, host = '127.0.0.1'): Promise<RawClient> {
    const net = await import('node:net');
    const socket = net.connect({ port, host });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RawClient(socket);
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Sends one request and decodes its response, which must carry the request's correlation id. */
  async call<T>(apiKey: number, version: number, body: object): Promise<T> {
    const id = nextCorrelationId++;
    this.write(encodeRequest(apiKey, version, id, 'kafscope-raw-test', body));
    const res = decodeResponse<T>(apiKey, version, await this.next());
    if (res.correlationId !== id) throw new Error(`response to correlation id ${res.correlationId}, expected ${id}`);
    return res.body;
  }

  /** One request on a connection of its own. */
  static async callOnce<T>(port: number, apiKey: number, version: number, body: object): Promise<T> {
    const client = await RawClient.connect(port);
    try {
      return await client.call<T>(apiKey, version, body);
    } finally {
      client.close();
    }
  }

  /** The next response frame (without its size prefix); rejects if the connection closes first. */
  next(timeoutMs = 5000): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no response in time')), timeoutMs);
      const onClose = () => reject(new Error('connection closed'));
      this.socket.once('close', onClose);
      this.waiting = (frame) => {
        clearTimeout(timer);
        this.socket.off('close', onClose);
        resolve(frame);
      };
      this.deliver();
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private deliver(): void {
    if (!this.waiting || this.buffered.length < 4) return;
    const size = this.buffered.readInt32BE(0);
    if (this.buffered.length < 4 + size) return;
    const frame = this.buffered.subarray(4, 4 + size);
    this.buffered = this.buffered.subarray(4 + size);
    const w = this.waiting;
    this.waiting = null;
    w(frame);
  }
}

export interface FetchedMessage {
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
}

/** Reads a partition from `from` to its end with no consumer group, as lib/kafka's reader does. */
export async function readPartition(cluster: KafkaCluster, topic: string, partition: number): Promise<FetchedMessage[]> {
  await cluster.addTargetTopic(topic);
  const leaders = cluster.findLeaderForPartitions(topic, [partition]) as Record<string, number[]>;
  const [leaderId] = Object.keys(leaders);
  const leader = await cluster.findBroker({ nodeId: leaderId! });
  const out: FetchedMessage[] = [];
  let offset = 0n;
  for (;;) {
    const res = await leader.fetch({
      replicaId: -1,
      isolationLevel: 1,
      maxWaitTime: 50,
      minBytes: 1,
      maxBytes: 1 << 20,
      topics: [{ topic, partitions: [{ partition, fetchOffset: offset.toString(), maxBytes: 1 << 20 }] }],
    });
    const p = res.responses[0].partitions[0];
    if (p.errorCode !== 0) throw new Error(`fetch of ${topic}-${partition} failed with error ${p.errorCode}`);
    const fresh = (p.messages as FetchedMessage[]).filter((m) => BigInt(m.offset) >= offset);
    out.push(...fresh);
    if (fresh.length > 0) offset = BigInt(fresh[fresh.length - 1]!.offset) + 1n;
    if (offset >= BigInt(p.highWatermark)) return out;
  }
}

/** kafkajs's public Cluster, taken from a partition assigner factory; the consumer never connects. */
export function groupLessCluster(kafka: Kafka): KafkaCluster {
  let captured: KafkaCluster | undefined;
  kafka.consumer({
    groupId: 'never-joined',
    partitionAssigners: [
      ({ cluster }) => {
        captured = cluster;
        return {
          name: 'unused',
          version: 1,
          assign: async () => [],
          protocol: () => ({ name: 'unused', metadata: Buffer.alloc(0) }),
        };
      },
    ],
  });
  if (!captured) throw new Error('kafkajs did not hand its Cluster to the partition assigner');
  return captured;
}
