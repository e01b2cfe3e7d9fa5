// The thread a filter runs in. CEL always terminates, but a nested comprehension over large lists or
// a backtracking regex in matches() can still take minutes, and synchronous code cannot be
// interrupted on the thread that runs it. Here it can: the request's thread watches the counter this
// worker bumps before each record (`progress`) and terminates the worker when one record or the
// whole request exceeds its budget (filter-run.ts). The server's own event loop never runs a filter.
import { parentPort, workerData } from 'node:worker_threads';
import { celInput, filterEnvironment } from './cel-environment.mjs';

const progress = new Int32Array(workerData.progress);
const program = filterEnvironment().parse(workerData.expression);
Atomics.store(progress, 1, 1);

/** 0: no, 1: yes, 2: the expression failed on this record (a missing field, a wrong type). */
parentPort.on('message', ({ id, records }) => {
  const results = new Uint8Array(records.length);
  let errors = 0;
  let firstError = null;
  for (let i = 0; i < records.length; i++) {
    Atomics.add(progress, 0, 1);
    try {
      const out = program(celInput(records[i]));
      if (typeof out === 'boolean') results[i] = out ? 1 : 0;
      else {
        results[i] = 2;
        errors++;
        firstError ??= `the filter gave ${typeof out === 'bigint' ? 'a number' : typeof out}, not true or false`;
      }
    } catch (err) {
      results[i] = 2;
      errors++;
      firstError ??= err?.summary ?? err?.message ?? String(err);
    }
  }
  Atomics.add(progress, 0, 1);
  parentPort.postMessage({ id, results, errors, firstError });
});
