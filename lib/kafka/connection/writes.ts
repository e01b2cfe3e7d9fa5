// Every change the console makes to a cluster goes through here, by a client named for what it does:
// the admin client (topics, partitions, records, groups), the producer (messages), and a raw
// connection for the requests kafkajs' admin cannot express with errors as values (an admin-style
// OffsetCommit for resets, AlterConfigs with Kafka's own refusal message). They share one small
// budget of concurrent writes per cluster, separate from the reading lanes, so a burst of resets can
// never hold up a page, and a page can never hold up a reset. Kafka's errors leave as domain errors.
import 'server-only';
import { Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import { inDomain, unavailable } from '../errors';
import { withDeadline } from './cache';
import { captureCluster } from './captured-cluster';
import { Gate, type GateOptions, type GateUse } from './gate';
import type { RawCluster } from './kafkajs-types';

interface Connectable {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

/** A client connected on first use within a deadline; a failed connect is forgotten, not cached. */
function lazyConnect<T extends Connectable>(create: () => T, deadlineMs: number, cluster: string) {
  let client: T | null = null;
  let ready: Promise<T> | null = null;
  return {
    get(): Promise<T> {
      if (!ready) {
        client ??= create();
        const c = client;
        ready = withDeadline(c.connect(), deadlineMs, () => unavailable(`The cluster "${cluster}" did not answer in time.`)).then(() => c);
        ready.catch(() => {
          ready = null;
          void c.disconnect().catch(() => undefined);
          client = null;
        });
      }
      return ready;
    },
    async close() {
      if (client) await client.disconnect().catch(() => undefined);
      client = null;
      ready = null;
    },
  };
}

export class Writes {
  private readonly gate: Gate;
  private readonly adminClient;
  private readonly producerClient;
  private readonly rawCluster;

  constructor(kafka: Kafka, options: GateOptions, connectDeadlineMs: number) {
    this.gate = new Gate(options);
    const retry = { retries: 1, initialRetryTime: 100, maxRetryTime: 1_000 };
    this.adminClient = lazyConnect(() => kafka.admin({ retry }), connectDeadlineMs, options.cluster);
    this.producerClient = lazyConnect(
      () => kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, retry: { retries: 1 } }),
      connectDeadlineMs,
      options.cluster,
    );
    this.rawCluster = lazyConnect(() => captureCluster(kafka), connectDeadlineMs, options.cluster);
  }

  use(): GateUse {
    return this.gate.use();
  }

  private async within<C, T>(client: { get(): Promise<C> }, fn: (c: C) => Promise<T>): Promise<T> {
    const leave = await this.gate.enter();
    try {
      return await inDomain(async () => fn(await client.get()));
    } finally {
      leave();
    }
  }

  /** Topic, partition, record and group changes through kafkajs' admin client. */
  admin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
    return this.within(this.adminClient, fn);
  }

  /** Producing messages. */
  produce<T>(fn: (producer: Producer) => Promise<T>): Promise<T> {
    return this.within(this.producerClient, fn);
  }

  /** Offset commits and config changes sent as raw requests (see raw-requests.ts). */
  raw<T>(fn: (cluster: RawCluster) => Promise<T>): Promise<T> {
    return this.within(this.rawCluster, fn);
  }

  async close(): Promise<void> {
    this.gate.close();
    await Promise.all([this.adminClient.close(), this.producerClient.close(), this.rawCluster.close()]);
  }
}
