// A counting gate: at most `limit` units of work inside at once, the rest waiting in order (for at
// most `queueTimeoutMs`) or refused at once, by choice. It is what makes a lane a budget, and it
// counts what runs, waits and was refused, so the health endpoint can show a lane's use.
//
// Background work (the lag sampler) may enter as `yielding`: it takes a free place like anyone, but
// never makes a person wait or be refused. When a refusing gate is full and a yielding holder is
// inside, the newcomer takes that holder's place at once and the holder is told to stop
// (`onYield`); whatever it still has in flight ends on its own, uncounted.
import 'server-only';
import { busy, timedOut, unavailable } from '../errors';

export interface GateOptions {
  /** What the work is, in messages ("long-running reads"). */
  label: string;
  limit: number;
  /** queue: wait for a free place (at most `queueTimeoutMs`); reject: refuse at once when full. */
  whenFull: 'queue' | 'reject';
  queueTimeoutMs: number;
  /** The cluster's name, for messages. */
  cluster: string;
}

export interface GateUse {
  running: number;
  waiting: number;
  limit: number;
  rejected: number;
}

export interface EnterOptions {
  /** Background work: give the place up to anyone who would otherwise be refused. */
  yielding?: { onYield(): void };
}

interface Holder {
  onYield(): void;
  /** Whether the place was handed on (its leave then gives back nothing). */
  yielded: boolean;
}

interface Waiter {
  enter(): void;
  fail(err: Error): void;
}

export class Gate {
  private running = 0;
  private rejected = 0;
  private yielded = 0;
  private closed = false;
  private readonly yielding = new Set<Holder>();
  private readonly waiters: Waiter[] = [];

  constructor(readonly options: GateOptions) {}

  use(): GateUse {
    return { running: this.running, waiting: this.waiters.length, limit: this.options.limit, rejected: this.rejected };
  }

  /** Places handed on by background work so far. */
  get yieldedCount(): number {
    return this.yielded;
  }

  /** Waits for a place (or refuses); the returned function gives the place back, once. */
  enter(options: EnterOptions = {}): Promise<() => void> {
    const { label, limit, cluster, whenFull, queueTimeoutMs } = this.options;
    if (this.closed) return Promise.reject(unavailable(`The connection to cluster "${cluster}" is closing.`));
    if (this.running < limit) {
      this.running++;
      if (!options.yielding) return Promise.resolve(this.leaver());
      const holder: Holder = { onYield: options.yielding.onYield, yielded: false };
      this.yielding.add(holder);
      return Promise.resolve(this.leaver(holder));
    }
    if (!options.yielding) {
      // Background work inside: its place goes to this newcomer, whatever the gate's mode.
      const [holder] = this.yielding;
      if (holder) {
        this.yielding.delete(holder);
        holder.yielded = true;
        this.yielded++;
        holder.onYield();
        return Promise.resolve(this.leaver());
      }
    }
    if (whenFull === 'reject' || options.yielding) {
      this.rejected++;
      return Promise.reject(busy(`${this.running} of ${limit} ${label} are already running on cluster "${cluster}"; try again when one ends.`));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        this.rejected++;
        reject(timedOut(`Cluster "${cluster}" is busy: ${label} waited ${queueTimeoutMs} ms for a free place.`));
      }, queueTimeoutMs);
      const waiter: Waiter = {
        enter: () => {
          clearTimeout(timer);
          this.running++;
          resolve(this.leaver());
        },
        fail: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      this.waiters.push(waiter);
    });
  }

  private leaver(holder?: Holder): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      if (holder) {
        this.yielding.delete(holder);
        if (holder.yielded) return;
      }
      this.running--;
      this.waiters.shift()?.enter();
    };
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w.fail(unavailable(`The connection to cluster "${this.options.cluster}" is closing.`));
  }
}
