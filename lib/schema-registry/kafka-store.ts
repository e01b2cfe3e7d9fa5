// The registry's durable log: the compacted `_schemas` topic (1 partition), as Confluent's registry
// keeps it. It is reached with kafkajs directly (nothing of lib/kafka is reused: that layer serves
// the console's pages and never joins groups, while this is a long-lived tailing reader).
// Reading: kafkajs has no group-less consumer, so the reader is a consumer in a group of its own,
// `kafscope-schema-registry-<random uuid>`, subscribed from the beginning and never committing, so
// every start replays the whole topic. Offsets already applied are skipped, so a rebalance that
// rewinds it cannot replay old records over newer state.
// Knowing when the replay is complete: like Confluent's KafkaStore, start-up produces a NOOP record
// and waits until the reader has applied its offset: everything before it is then in the state.
// Writing: records are produced (acks=all) and `append` resolves when the reader has applied the
// last of them, so every change reaches the state through the one reader path — the same path a
// restart replays — and a caller that saw its write succeed reads it back.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import { storeError, storeTimeout } from './errors';
import { encodeKey, NOOP_KEY, parseKey, type RegistryKey, type StoreRecord } from './records';

export interface KafkaStoreOptions {
  bootstrap: string[];
  topic: string;
  /** Called for every record, in offset order, exactly once per offset. */
  apply: (key: RegistryKey, value: unknown) => void;
  log: (line: string) => void;
  /** How long a write (or the start-up replay) may take before it fails (default 30 s). */
  timeoutMs?: number;
}

interface Waiter {
  offset: number;
  resolve: () => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class KafkaStore {
  private nextOffset = 0;
  private waiters: Waiter[] = [];
  private closed = false;

  private constructor(
    private readonly opts: KafkaStoreOptions,
    private readonly admin: Admin,
    private readonly producer: Producer,
    private readonly consumer: Consumer,
  ) {}

  static async open(opts: KafkaStoreOptions): Promise<KafkaStore> {
    const kafka = new Kafka({ clientId: 'kafscope-schema-registry', brokers: opts.bootstrap, logLevel: logLevel.NOTHING, retry: { retries: 5 } });
    const admin = kafka.admin();
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, maxInFlightRequests: 1 });
    const consumer = kafka.consumer({ groupId: `kafscope-schema-registry-${randomUUID()}`, allowAutoTopicCreation: false, maxWaitTimeInMs: 1000 });
    const store = new KafkaStore(opts, admin, producer, consumer);
    try {
      await admin.connect();
      await store.ensureTopic();
      await producer.connect();
      await store.startReader();
      // Everything written before this NOOP is applied once the NOOP is.
      await store.append([{ key: NOOP_KEY, value: null }]);
      return store;
    } catch (err) {
      await store.close();
      throw err;
    }
  }

  /** Creates the topic (compacted, 1 partition) or checks that the existing one is such a topic. */
  private async ensureTopic(): Promise<void> {
    const { topic } = this.opts;
    const existing = await this.admin.listTopics();
    if (!existing.includes(topic)) {
      const { brokers } = await this.admin.describeCluster();
      await this.admin.createTopics({
        topics: [{ topic, numPartitions: 1, replicationFactor: Math.min(3, brokers.length), configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
        waitForLeaders: true,
      });
      this.opts.log(`schema registry: created topic ${topic} (compacted, 1 partition)`);
      return;
    }
    const meta = await this.admin.fetchTopicMetadata({ topics: [topic] });
    const partitions = meta.topics[0]?.partitions.length ?? 0;
    if (partitions !== 1) throw new Error(`schema registry: topic ${topic} has ${partitions} partitions; it must have exactly 1`);
    const configs = await this.admin.describeConfigs({ resources: [{ type: 2 /* TOPIC */, name: topic, configNames: ['cleanup.policy'] }], includeSynonyms: false });
    const policy = configs.resources[0]?.configEntries.find((e) => e.configName === 'cleanup.policy')?.configValue;
    if (policy !== undefined && !policy.split(',').includes('compact')) throw new Error(`schema registry: topic ${topic} has cleanup.policy=${policy}; it must be compact`);
  }

  private async startReader(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.opts.topic], fromBeginning: true });
    this.consumer.on(this.consumer.events.CRASH, (e) => this.opts.log(`schema registry: reader crashed (${e.payload.error.message}); restart: ${e.payload.restart}`));
    await this.consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        const offset = Number(message.offset);
        if (offset < this.nextOffset) return; // replayed after a rebalance: already applied
        const key = message.key ? parseKey(message.key.toString('utf8')) : null;
        if (key) {
          let value: unknown = null;
          if (message.value) {
            try {
              value = JSON.parse(message.value.toString('utf8'));
            } catch {
              value = undefined;
            }
          }
          if (value === undefined) this.opts.log(`schema registry: skipped record at offset ${offset}: value is not JSON`);
          else {
            try {
              this.opts.apply(key, value);
            } catch (err) {
              this.opts.log(`schema registry: skipped record at offset ${offset}: ${err instanceof Error ? err.message : String(err)}`);
            }
          }
        } else {
          this.opts.log(`schema registry: skipped record at offset ${offset}: unknown key`);
        }
        this.nextOffset = offset + 1;
        this.wake();
      },
    });
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => w.offset < this.nextOffset);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.offset >= this.nextOffset);
    for (const w of ready) {
      clearTimeout(w.timer);
      w.resolve();
    }
  }

  private applied(offset: number): Promise<void> {
    if (offset < this.nextOffset) return Promise.resolve();
    const timeoutMs = this.opts.timeoutMs ?? 30_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(storeTimeout(`the record at offset ${offset} of ${this.opts.topic} was not read back within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push({ offset, resolve, reject, timer });
    });
  }

  /** Produces the records in one batch; resolves once the reader has applied all of them. */
  async append(records: StoreRecord[]): Promise<void> {
    if (this.closed) throw storeError('the registry is closing');
    let baseOffset: number;
    try {
      const [meta] = await this.producer.send({
        topic: this.opts.topic,
        acks: -1,
        messages: records.map((r) => ({ partition: 0, key: encodeKey(r.key), value: r.value === null ? null : JSON.stringify(r.value) })),
      });
      if (!meta || meta.errorCode !== 0 || meta.baseOffset === undefined) throw new Error(`produce error code ${meta?.errorCode}`);
      baseOffset = Number(meta.baseOffset);
    } catch (err) {
      throw storeError(`writing to ${this.opts.topic} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    await this.applied(baseOffset + records.length - 1);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(storeError('the registry closed'));
    }
    this.waiters = [];
    await this.consumer.disconnect().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}
