// Test helper run as a separate process by store.test.ts: appends batches to a store in the given
// directory and prints each offset as soon as append has returned, until it is killed.
// Usage: tsx crash-child.ts <dataDir> <fsync policy>

import { buildRecordBatch } from '../records/build';
import { openStore } from './store';
import type { FsyncPolicy } from './types';

const [dataDir, fsync] = process.argv.slice(2) as [string, FsyncPolicy];
const store = openStore({ dataDir, fsync });
const log = store.openPartition('crash', 0, {
  segmentBytes: 64 * 1024,
  retentionMs: -1,
  retentionBytes: -1,
  cleanupPolicy: 'delete',
  deleteRetentionMs: 0,
  messageTimestampType: 'CreateTime',
});
const value = Buffer.alloc(900, 'v');
for (let i = 0; ; i++) {
  const batch = buildRecordBatch(Array.from({ length: 4 }, (_, r) => ({ key: Buffer.from(`k${i}-${r}`), value })));
  const res = log.append(batch, 0, BigInt(Date.now()));
  if (!res.ok) throw new Error(res.message);
  process.stdout.write(`${res.lastOffset}\n`);
}
