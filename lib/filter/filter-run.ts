// Runs one request's filter in a worker thread (filter-worker.mjs) within two time budgets: one per
// record and one for the whole request. The worker bumps a shared counter before each record; while
// a batch is out, a watchdog here looks at the counter every few milliseconds and terminates the
// worker when the same record has been running longer than its budget, or when the request's total
// evaluation time is spent. Termination is the only way to stop synchronous code, which is why the
// filter never runs on the server's own thread. One worker per request, ended with the request.
import 'server-only';
import { Worker } from 'node:worker_threads';
import type { CompiledFilter } from './compile-filter';
import { FilterError } from './filter-error';
import type { FilterRecord } from './filter-record';

export interface FilterBudgets {
  recordMs: number;
  requestMs: number;
}

export interface FilterVerdicts {
  /** Per record: kept or not. A record the expression failed on (a missing field) is not kept. */
  keep: boolean[];
  /** Records the expression failed on, and the first reason. */
  errors: number;
  firstError: string | null;
}

interface Reply {
  id: number;
  results: Uint8Array;
  errors: number;
  firstError: string | null;
}

interface Pending {
  id: number;
  records: FilterRecord[];
  resolve(v: FilterVerdicts): void;
  reject(e: Error): void;
}

const describe = (r: FilterRecord | undefined) => (r ? ` (partition ${r.partition}, offset ${r.offset})` : '');

export class FilterRun {
  private readonly worker: Worker;
  /** [records started, worker ready]: written by the worker, read by the watchdog. */
  private readonly progress = new Int32Array(new SharedArrayBuffer(8));
  private pending: Pending | null = null;
  private failure: Error | null = null;
  private nextId = 1;
  private spentMs = 0;
  private batchStartCount = 0;

  constructor(
    readonly filter: CompiledFilter,
    private readonly budgets: FilterBudgets,
  ) {
    this.worker = new Worker(new URL('./filter-worker.mjs', import.meta.url), {
      workerData: { expression: filter.expression, progress: this.progress.buffer },
      // A runaway expression that builds huge lists dies on its own heap, not the server's.
      resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 32 },
    });
    this.worker.unref();
    this.worker.on('message', (m: Reply) => this.answer(m));
    this.worker.on('error', (err) => this.stop(new FilterError('budget', `Filter: stopped (${err.message}).`)));
    this.worker.on('exit', () => this.stop(this.failure ?? new Error('The filter worker ended.')));
  }

  /** The request's remaining evaluation budget restarts (a tail gives each fetch its own). */
  resetRequestBudget(): void {
    this.spentMs = 0;
  }

  /** Evaluates a batch; rejects with a FilterError when a budget is exceeded (the run is then over). */
  test(records: FilterRecord[]): Promise<FilterVerdicts> {
    if (this.failure) return Promise.reject(this.failure);
    if (records.length === 0) return Promise.resolve({ keep: [], errors: 0, firstError: null });
    if (this.pending) return Promise.reject(new Error('FilterRun.test called while a batch is running'));
    return new Promise<FilterVerdicts>((resolve, reject) => {
      const id = this.nextId++;
      this.pending = { id, records, resolve, reject };
      this.batchStartCount = Atomics.load(this.progress, 0);
      this.watch();
      this.worker.postMessage({ id, records });
    });
  }

  private watch(): void {
    const tick = Math.max(2, Math.min(20, Math.floor(this.budgets.recordMs / 4)));
    let seen = Atomics.load(this.progress, 0);
    let seenAt = performance.now();
    let last = seenAt;
    const timer = setInterval(() => {
      const now = performance.now();
      const delta = now - last;
      last = now;
      const p = this.pending;
      if (!p) return clearInterval(timer);
      // The worker's start (loading the interpreter) is not the expression's time.
      if (Atomics.load(this.progress, 1) === 0) {
        seenAt = now;
        return;
      }
      this.spentMs += delta;
      const count = Atomics.load(this.progress, 0);
      if (count !== seen) {
        seen = count;
        seenAt = now;
      }
      const record = p.records[count - this.batchStartCount - 1];
      if (now - seenAt > this.budgets.recordMs) {
        clearInterval(timer);
        this.kill(`Filter: stopped after ${Math.round(now - seenAt)} ms on one record${describe(record)}; the budget is ${this.budgets.recordMs} ms per record.`);
      } else if (this.spentMs > this.budgets.requestMs) {
        clearInterval(timer);
        this.kill(`Filter: stopped after ${Math.round(this.spentMs)} ms of evaluation; the budget is ${this.budgets.requestMs} ms per request.`);
      }
    }, tick);
  }

  private answer(m: Reply): void {
    const p = this.pending;
    if (!p || p.id !== m.id) return;
    this.pending = null;
    p.resolve({ keep: Array.from(m.results, (r) => r === 1), errors: m.errors, firstError: m.firstError });
  }

  private kill(detail: string): void {
    this.stop(new FilterError('budget', detail));
    void this.worker.terminate();
  }

  private stop(err: Error): void {
    this.failure ??= err;
    const p = this.pending;
    this.pending = null;
    p?.reject(this.failure);
  }

  close(): void {
    this.failure ??= new Error('The filter run was closed.');
    void this.worker.terminate();
  }
}
