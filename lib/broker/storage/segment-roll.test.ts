// segment.ms on one partition log, with the clock passed in: the active segment rolls once its first
// batch is older than segment.ms — at an append or in the retention pass — so retention.ms reaches
// a partition far below segment.bytes. Also the recovery report's line for a cut tail.
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, batchOf, config, harnesses, segmentFiles } from './test-harness';
import { openStore, openStoreOn } from './store';
import type { PartitionLog, Store } from './types';

for (const { name, make } of harnesses) {
  describe(`segment.ms (${name})`, () => {
    let h: Harness;
    let store: Store;
    beforeEach(() => {
      h = make();
      store = h.open();
    });
    afterEach(() => {
      store.close();
      h.cleanup();
    });

    const append = (log: PartitionLog, now: number) => {
      const r = log.append(batchOf(`at${now}`, 2, { ts: BigInt(now) }), 0, BigInt(now));
      expect(r.ok).toBe(true);
    };
    const segments = () => segmentFiles(h, 't-0', '.log').length;

    it('rolls at an append once the first batch is older than segment.ms, and retention then deletes', () => {
      const log = store.openPartition('t', 0, config({ segmentMs: 200, retentionMs: 500 }));
      append(log, 1000);
      append(log, 1100);
      expect(segments()).toBe(1);
      append(log, 1300); // 300 ms after the segment's first batch
      expect(segments()).toBe(2);
      log.enforceRetention(1550n); // the first segment's newest record is 449 ms old: kept
      expect(log.logStartOffset).toBe(0n);
      log.enforceRetention(1650n); // 549 ms: gone; the second segment (350 ms) rolls but is kept
      expect(log.logStartOffset).toBe(4n);
      expect(segments()).toBe(2);
      log.enforceRetention(1900n); // 599 ms: gone as well, only the empty active segment is left
      expect(log.logStartOffset).toBe(6n);
      expect(log.logEndOffset).toBe(6n);
      expect(segments()).toBe(1);
      append(log, 1950);
      expect(log.logEndOffset).toBe(8n);
    });

    it('rolls in the retention pass alone, so a partition nobody writes to still ages out', () => {
      const log = store.openPartition('t', 0, config({ segmentMs: 200, retentionMs: 500 }));
      append(log, 1000);
      log.enforceRetention(1150n);
      expect(segments()).toBe(1);
      log.enforceRetention(1250n);
      expect(segments()).toBe(2); // rolled, not yet old enough to delete
      expect(log.logStartOffset).toBe(0n);
      log.enforceRetention(1600n);
      expect(log.logStartOffset).toBe(2n);
      expect(log.logEndOffset).toBe(2n);
    });

    it('never rolls an empty segment, and keeps 7 days when segment.ms is not given', () => {
      const log = store.openPartition('t', 0, config());
      log.enforceRetention(10_000_000n);
      expect(segments()).toBe(1);
      append(log, 1000);
      log.enforceRetention(1000n + 604_800_000n);
      expect(segments()).toBe(1);
      log.enforceRetention(1001n + 604_800_000n);
      expect(segments()).toBe(2);
    });

    it('a segment found on disk starts at its first batch timestamp', () => {
      let log = store.openPartition('t', 0, config({ segmentMs: 200 }));
      append(log, 5000);
      store.close();
      store = h.open();
      log = store.openPartition('t', 0, config({ segmentMs: 200 }));
      append(log, 5150);
      expect(segments()).toBe(1);
      append(log, 5250);
      expect(segments()).toBe(2);
    });

    it('logs one line for each damaged tail recovery cuts off', () => {
      const log = store.openPartition('t', 0, config());
      append(log, 1000);
      append(log, 1001);
      store.close();
      const file = segmentFiles(h, 't-0', '.log')[0]!;
      const blob = h.backend.open(file);
      const good = blob.size;
      blob.append(Buffer.from('not a record batch, just bytes that landed at the end'));
      blob.close();
      h.backend.remove(path.join(h.root, 't-0', 'clean-shutdown'));
      const lines: string[] = [];
      store = h.name === 'files' ? openStore({ dataDir: h.root, fsync: 'never', log: (l) => lines.push(l) }) : openStoreOn(h.backend, h.root, { dataDir: null, fsync: 'never', log: (l) => lines.push(l) });
      const reopened = store.openPartition('t', 0, config());
      expect(reopened.logEndOffset).toBe(4n);
      expect(lines).toEqual([
        `recovery of partition t-0: truncated damaged tail of ${file} at byte ${good}, dropped 53 bytes (short batch header)`,
      ]);
    });
  });
}
