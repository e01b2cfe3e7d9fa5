// Shared set-up for the storage tests: the same behavioural tests run against real files in a temp
// directory and against the in-memory backend, and can reopen a store on the same data.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Backend } from './backend';
import { FileBackend } from './file-backend';
import { MemoryBackend } from './memory-backend';
import { openStore, openStoreOn } from './store';
import type { LogConfig, Store } from './types';
import { buildRecordBatch } from '../records/build';
import { decodeRecords } from '../records/decode';
import { batchSize } from '../records/batch-header';

export interface Harness {
  name: string;
  backend: Backend;
  root: string;
  open(): Store;
  cleanup(): void;
}

export const harnesses: { name: string; make: () => Harness }[] = [
  {
    name: 'files',
    make: () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kafscope-log-'));
      return {
        name: 'files',
        backend: new FileBackend(),
        root,
        open: () => openStore({ dataDir: root, fsync: 'never' }),
        cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'memory',
    make: () => {
      const backend = new MemoryBackend();
      const root = '/memory-test';
      return { name: 'memory', backend, root, open: () => openStoreOn(backend, root, { dataDir: null, fsync: 'never' }), cleanup: () => {} };
    },
  },
];

export const config = (over: Partial<LogConfig> = {}): LogConfig => ({
  segmentBytes: 1 << 30,
  retentionMs: -1,
  retentionBytes: -1,
  cleanupPolicy: 'delete',
  deleteRetentionMs: 86_400_000,
  messageTimestampType: 'CreateTime',
  ...over,
});

/** A batch of `n` records whose values name their batch and index. */
export function batchOf(tag: string, n: number, opts: { ts?: bigint; valueBytes?: number; producerId?: bigint; epoch?: number; seq?: number } = {}): Buffer {
  return buildRecordBatch(
    Array.from({ length: n }, (_, i) => ({
      key: Buffer.from(`${tag}-k${i}`),
      value: Buffer.from(`${tag}-v${i}-`.padEnd(opts.valueBytes ?? 40, 'x')),
      timestamp: (opts.ts ?? 1_000n) + BigInt(i),
    })),
    { producerId: opts.producerId, producerEpoch: opts.epoch, baseSequence: opts.seq },
  );
}

/** Splits a read result into decoded batches. */
export function batchesIn(buf: Buffer) {
  const out: ReturnType<typeof decodeRecords>[] = [];
  for (let pos = 0; pos < buf.length; pos += batchSize(buf, pos)) out.push(decodeRecords(buf.subarray(pos)));
  return out;
}

export function segmentFiles(h: Harness, dir: string, ext: string): string[] {
  return h.backend
    .list(path.join(h.root, dir))
    .filter((n) => n.endsWith(ext))
    .sort()
    .map((n) => path.join(h.root, dir, n));
}
