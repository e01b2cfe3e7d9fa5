// A counting gate: at most `limit` units of work inside at once, the rest waiting in order (for at
// most `queueTimeoutMs`) or refused at once, by choice. It is what makes a lane a budget, and it
// counts what runs, waits and was refused, so the health endpoint can show a lane's use.
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

interface Waiter {
  enter(): void;
  fail(err: Error): void;
}

export class Gate {
  private running = 0;
  private rejected = 0;
  private closed = false;
  private readonly waiters: Waiter[] = [];

  constructor(readonly options: GateOptions) {}

  use(): GateUse {
    return { running: this.running, waiting: this.waiters.length, limit: this.options.limit, rejected: this.rejected };
  }

  /** Waits for a place (or refuses); the returned function gives the place back, once. */
  enter(): Promise<() => void> {
    const { label, limit, cluster, whenFull, queueTimeoutMs } = this.options;
    if (this.closed) return Promise.reject(unavailable(`The connection to cluster "${cluster}" is closing.`));
    if (this.running < limit) {
      this.running++;
      return Promise.resolve(this.leaver());
    }
    if (whenFull === 'reject') {
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

  private leaver(): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.running--;
      this.waiters.shift()?.enter();
    };
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w.fail(unavailable(`The connection to cluster "${this.options.cluster}" is closing.`));
  }
}
