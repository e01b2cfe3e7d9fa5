// A lane is a budget of concurrent work of one kind on one cluster, each unit of work holding one
// group-less reader (captured-cluster.ts) while it runs. There are separate lanes because one pool
// shared by everything let four long scans stall every page: interactive work (metadata, watermarks,
// describes, one page of records) waits its turn in its own lane, which long work (search, and later
// tail, export, replay, samplers) never enters; long work has its own small lane that refuses at once
// with "busy" (429) when full, instead of queueing behind itself.
//
// Whatever Kafka throws inside a lane leaves it as a domain error (errors.ts). Readers idle for a
// minute are disconnected; a reader whose connection broke is replaced.
import 'server-only';
import type { Kafka } from 'kafkajs';
import { inDomain, unavailable } from '../errors';
import { withDeadline } from './cache';
import { captureCluster } from './captured-cluster';
import { Gate, type EnterOptions, type GateOptions, type GateUse } from './gate';
import type { RawCluster } from './kafkajs-types';

const IDLE_MS = 60_000;

interface Slot {
  cluster: RawCluster;
  connected: Promise<void> | null;
  idleSince: number;
}

/** A place held in a lane: run work with its reader, then release it. */
export interface LaneLease {
  run<T>(fn: (cluster: RawCluster) => Promise<T>): Promise<T>;
  release(): void;
}

export class Lane {
  private readonly gate: Gate;
  /** Readers not in use; never more than the gate's limit exist, so one is free after entering. */
  private readonly idle: Slot[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly kafka: Kafka,
    options: GateOptions,
    private readonly connectDeadlineMs: number,
  ) {
    this.gate = new Gate(options);
    this.timer = setInterval(() => this.sweep(), IDLE_MS / 2);
    this.timer.unref();
  }

  use(): GateUse {
    return this.gate.use();
  }

  /** Places background work handed on to people so far. */
  get yielded(): number {
    return this.gate.yieldedCount;
  }

  /** Runs `fn` with a connected reader of this lane; Kafka's errors come out as domain errors. */
  async run<T>(fn: (cluster: RawCluster) => Promise<T>): Promise<T> {
    const lease = await this.reserve();
    try {
      return await lease.run(fn);
    } finally {
      lease.release();
    }
  }

  /** Takes a place in the lane now (or is refused now) for work that starts later: a stream answers
   * 429 before its 200 is sent, not as an event inside it. The lease must be released, once.
   * Background work reserves `yielding` (gate.ts): it is never the reason a person is refused. */
  async reserve(options?: EnterOptions): Promise<LaneLease> {
    const leave = await this.gate.enter(options);
    const slot = this.idle.pop() ?? { cluster: captureCluster(this.kafka), connected: null, idleSince: 0 };
    let healthy = true;
    let released = false;
    return {
      run: async (fn) => {
        try {
          return await inDomain(async () => {
            await this.connect(slot);
            return fn(slot.cluster);
          });
        } catch (err) {
          healthy = slot.cluster.isConnected();
          throw err;
        }
      },
      release: () => {
        if (released) return;
        released = true;
        if (healthy) {
          slot.idleSince = Date.now();
          this.idle.push(slot);
        } else {
          // A reader whose connection broke is dropped; the next request builds a fresh one.
          void slot.cluster.disconnect().catch(() => undefined);
        }
        leave();
      },
    };
  }

  private connect(slot: Slot): Promise<void> {
    if (!slot.connected) {
      slot.connected = withDeadline(slot.cluster.connect(), this.connectDeadlineMs, () =>
        unavailable(`The cluster "${this.gate.options.cluster}" did not answer in time.`),
      );
      slot.connected.catch(() => {
        slot.connected = null;
      });
    }
    return slot.connected;
  }

  private sweep(): void {
    const now = Date.now();
    for (let i = this.idle.length - 1; i >= 0; i--) {
      const slot = this.idle[i]!;
      if (now - slot.idleSince > IDLE_MS) {
        this.idle.splice(i, 1);
        void slot.cluster.disconnect().catch(() => undefined);
      }
    }
  }

  async close(): Promise<void> {
    this.gate.close();
    clearInterval(this.timer);
    await Promise.all(this.idle.splice(0).map((s) => s.cluster.disconnect().catch(() => undefined)));
  }
}
