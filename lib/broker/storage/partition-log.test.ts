// One partition log on files and in memory: offsets across segment rolls, whole-batch reads,
// timestamps, retention, DeleteRecords, recovery from damaged files, and idempotent-producer checks.
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../common/kafka-error-codes';
import * as H from '../records/batch-header';
import { buildRecordBatch } from '../records/build';
import { decodeRecords } from '../records/decode';
import { type Harness, batchesIn, batchOf, config, harnesses, segmentFiles } from './test-harness';
import type { PartitionLog, Store } from './types';

for (const { name, make } of harnesses) {
  describe(`partition log (${name})`, () => {
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

    const fill = (log: PartitionLog, batches: number, perBatch = 5) => {
      for (let b = 0; b < batches; b++) {
        const r = log.append(batchOf(`b${b}`, perBatch, { ts: 1_000n * BigInt(b + 1) }), 3, 0n);
        expect(r.ok).toBe(true);
      }
    };

    it('assigns offsets and reads back across segment rolls', () => {
      const log = store.openPartition('t', 0, config({ segmentBytes: 1200 }));
      for (let b = 0; b < 12; b++) {
        const r = log.append(batchOf(`b${b}`, 5), 7, 0n);
        expect(r).toMatchObject({ ok: true, baseOffset: BigInt(b * 5), lastOffset: BigInt(b * 5 + 4), logAppendTime: -1n });
      }
      expect(log.logEndOffset).toBe(60n);
      expect(segmentFiles(h, 't-0', '.log').length).toBeGreaterThan(3);
      for (let off = 0n; off < 60n; off++) {
        const [first] = batchesIn(log.read(off, 1));
        expect(first!.header.baseOffset).toBe((off / 5n) * 5n);
        expect(first!.header.partitionLeaderEpoch).toBe(7);
        const rec = first!.records.find((r) => r.offset === off)!;
        expect(rec.value!.toString()).toMatch(new RegExp(`^b${off / 5n}-v${off % 5n}-`));
      }
      expect(log.read(60n, 1 << 20).length).toBe(0);
      expect(log.read(1000n, 1 << 20).length).toBe(0);
    });

    it('returns the batch containing the fetch offset, whole, and whole batches within maxBytes', () => {
      const log = store.openPartition('t', 0, config());
      fill(log, 4);
      const one = log.read(0n, 1).length;
      expect(batchesIn(log.read(7n, 1)).map((b) => b.header.baseOffset)).toEqual([5n]);
      expect(batchesIn(log.read(7n, 2 * one)).map((b) => b.header.baseOffset)).toEqual([5n, 10n]);
      expect(batchesIn(log.read(7n, 3 * one - 1)).map((b) => b.header.baseOffset)).toEqual([5n, 10n]);
      expect(batchesIn(log.read(0n, 1 << 20)).length).toBe(4);
    });

    it('stamps LogAppendTime topics with the append time', () => {
      const log = store.openPartition('t', 0, config({ messageTimestampType: 'LogAppendTime' }));
      const r = log.append(batchOf('a', 3), 0, 123_456n);
      expect(r).toMatchObject({ ok: true, logAppendTime: 123_456n });
      const [b] = batchesIn(log.read(0n, 1 << 20));
      expect(H.isLogAppendTime(b!.header.attributes)).toBe(true);
      expect(b!.records.map((x) => x.timestamp)).toEqual([123_456n, 123_456n, 123_456n]);
    });

    it('finds the first record at or after a timestamp', () => {
      const log = store.openPartition('t', 0, config({ segmentBytes: 700 }));
      fill(log, 10); // batch b has timestamps 1000*(b+1) + 0..4
      expect(log.offsetForTimestamp(0n)).toEqual({ offset: 0n, timestamp: 1000n });
      expect(log.offsetForTimestamp(3002n)).toEqual({ offset: 12n, timestamp: 3002n });
      expect(log.offsetForTimestamp(3005n)).toEqual({ offset: 15n, timestamp: 4000n });
      expect(log.offsetForTimestamp(10_004n)).toEqual({ offset: 49n, timestamp: 10_004n });
      expect(log.offsetForTimestamp(10_005n)).toBeNull();
      // out-of-order timestamps: the first record in offset order wins
      log.append(batchOf('late', 2, { ts: 2_500n }), 0, 0n);
      expect(log.offsetForTimestamp(2_500n)).toEqual({ offset: 10n, timestamp: 3000n });
    });

    it('deletes closed segments by retention time and by retention bytes, never the active one', () => {
      const log = store.openPartition('t', 0, config({ segmentBytes: 700, retentionMs: 10_000 }));
      fill(log, 10);
      const segments = segmentFiles(h, 't-0', '.log').length;
      expect(segments).toBeGreaterThan(3);
      log.enforceRetention(15_000n); // batches with max ts < 5000 are older than 10 s
      expect(log.logStartOffset).toBeGreaterThan(0n);
      expect(log.offsetForTimestamp(0n)!.timestamp).toBeGreaterThanOrEqual(4_000n);
      expect(batchesIn(log.read(0n, 1))[0]!.header.baseOffset).toBe(log.logStartOffset);
      log.enforceRetention(1_000_000n);
      expect(segmentFiles(h, 't-0', '.log').length).toBe(1);
      expect(log.logEndOffset).toBe(50n);
      expect(log.read(log.logStartOffset, 1 << 20).length).toBeGreaterThan(0);

      const bylog = store.openPartition('t', 1, config({ segmentBytes: 700, retentionBytes: 1500 }));
      fill(bylog, 10);
      bylog.enforceRetention(0n);
      expect(bylog.size()).toBeLessThanOrEqual(1500 + 700);
      expect(bylog.size()).toBeGreaterThanOrEqual(1500 - 700);
      expect(bylog.logStartOffset).toBeGreaterThan(0n);
    });

    it('leaves compact-only topics alone on retention', () => {
      const log = store.openPartition('t', 0, config({ segmentBytes: 700, retentionMs: 1, cleanupPolicy: 'compact' }));
      fill(log, 10);
      log.enforceRetention(1_000_000n);
      expect(log.logStartOffset).toBe(0n);
    });

    it('DeleteRecords advances the start offset, drops whole segments, and survives a restart', () => {
      let log = store.openPartition('t', 0, config({ segmentBytes: 700 }));
      fill(log, 10);
      const before = segmentFiles(h, 't-0', '.log').length;
      log.deleteRecordsBefore(23n);
      expect(log.logStartOffset).toBe(23n);
      expect(segmentFiles(h, 't-0', '.log').length).toBeLessThan(before);
      expect(batchesIn(log.read(0n, 1))[0]!.header.baseOffset).toBe(20n);
      log.deleteRecordsBefore(10n); // never backwards
      expect(log.logStartOffset).toBe(23n);
      store.close();
      store = h.open();
      log = store.openPartition('t', 0, config({ segmentBytes: 700 }));
      expect(log.logStartOffset).toBe(23n);
      log.deleteRecordsBefore(1000n); // clamps to the end
      expect(log.logStartOffset).toBe(50n);
      expect(log.read(50n, 1 << 20).length).toBe(0);
      expect(log.append(batchOf('after', 2), 0, 0n)).toMatchObject({ ok: true, baseOffset: 50n });
      expect(batchesIn(log.read(50n, 1 << 20))[0]!.records[1]!.offset).toBe(51n);
    });

    describe('recovery', () => {
      /** Reopens as after a crash: a process that dies leaves no clean-shutdown marker. */
      const reopen = (clean = false) => {
        store.close();
        if (!clean) h.backend.remove(path.join(h.root, 't-0', 'clean-shutdown'));
        store = h.open();
        return store.openPartition('t', 0, config({ segmentBytes: 700 }));
      };
      const readAll = (log: PartitionLog) => {
        const offsets: bigint[] = [];
        for (let off = log.logStartOffset; off < log.logEndOffset; ) {
          const batches = batchesIn(log.read(off, 1 << 20));
          for (const b of batches) offsets.push(...b.records.map((r) => r.offset));
          off = offsets.at(-1)! + 1n;
        }
        return offsets;
      };

      it('rebuilds missing or damaged index files', () => {
        let log = store.openPartition('t', 0, config({ segmentBytes: 700 }));
        fill(log, 10);
        const expected = readAll(log);
        const indexes = segmentFiles(h, 't-0', '.index');
        h.backend.remove(indexes[0]!);
        h.backend.remove(segmentFiles(h, 't-0', '.timeindex')[1]!);
        h.backend.open(indexes[2]!).append(Buffer.from('garbage'));
        log = reopen();
        expect(readAll(log)).toEqual(expected);
        expect(log.offsetForTimestamp(3002n)).toEqual({ offset: 12n, timestamp: 3002n });
        expect(segmentFiles(h, 't-0', '.index').length).toBe(indexes.length);
      });

      for (const [what, damage] of [
        ['half a batch', (b: Buffer) => b.subarray(0, b.length >> 1)],
        ['garbage', () => Buffer.from('this is not a record batch at all, just bytes that landed here')],
        ['a few bytes', () => Buffer.from([0, 0, 0])],
      ] as const) {
        it(`truncates ${what} at the end of the last segment and keeps appending at the right offset`, () => {
          let log = store.openPartition('t', 0, config({ segmentBytes: 700 }));
          fill(log, 10);
          const expected = readAll(log);
          const logs = segmentFiles(h, 't-0', '.log');
          const last = h.backend.open(logs.at(-1)!);
          const sizeBefore = last.size;
          last.append(damage(batchOf('torn', 5)));
          last.close();
          log = reopen();
          expect(log.logEndOffset).toBe(50n);
          expect(readAll(log)).toEqual(expected);
          expect(h.backend.open(logs.at(-1)!).size).toBe(sizeBefore);
          expect(log.append(batchOf('next', 2), 0, 0n)).toMatchObject({ ok: true, baseOffset: 50n, lastOffset: 51n });
          expect(readAll(log)).toEqual([...expected, 50n, 51n]);
        });
      }

      it('still cuts a structurally torn tail after a clean shutdown, and reopens cleanly without scanning', () => {
        let log = store.openPartition('t', 0, config({ segmentBytes: 700 }));
        fill(log, 10);
        const expected = readAll(log);
        log = reopen(true);
        expect(readAll(log)).toEqual(expected);
        const last = h.backend.open(segmentFiles(h, 't-0', '.log').at(-1)!);
        last.append(batchOf('torn', 5).subarray(0, 80));
        last.close();
        log = reopen(true);
        expect(log.logEndOffset).toBe(50n);
        expect(readAll(log)).toEqual(expected);
      });

      it('drops a last batch whose CRC no longer matches', () => {
        let log = store.openPartition('t', 0, config());
        fill(log, 3);
        const file = segmentFiles(h, 't-0', '.log')[0]!;
        const blob = h.backend.open(file);
        const bytes = Buffer.from(blob.readAt(0, blob.size));
        bytes[bytes.length - 3]! ^= 0xff;
        blob.truncate(0);
        blob.append(bytes);
        blob.close();
        log = reopen();
        expect(log.logEndOffset).toBe(10n);
        expect(readAll(log)).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i)));
      });
    });

    describe('idempotent producers', () => {
      const p = (seq: number, n = 3, epoch = 0, pid = 42n) => batchOf(`p${seq}`, n, { producerId: pid, epoch, seq });

      it('answers a retried batch with its original offsets and appends nothing', () => {
        const log = store.openPartition('t', 0, config());
        expect(log.append(p(0), 0, 0n)).toMatchObject({ ok: true, baseOffset: 0n, lastOffset: 2n });
        expect(log.append(p(3), 0, 0n)).toMatchObject({ ok: true, baseOffset: 3n, lastOffset: 5n });
        expect(log.append(p(0), 0, 0n)).toMatchObject({ ok: true, baseOffset: 0n, lastOffset: 2n });
        expect(log.append(p(3), 0, 0n)).toMatchObject({ ok: true, baseOffset: 3n, lastOffset: 5n });
        expect(log.logEndOffset).toBe(6n);
      });

      it('refuses a sequence gap, a stale epoch, and a new epoch not starting at 0', () => {
        const log = store.openPartition('t', 0, config());
        expect(log.append(p(0, 3, 1), 0, 0n).ok).toBe(true);
        expect(log.append(p(5, 3, 1), 0, 0n)).toMatchObject({ ok: false, errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER });
        expect(log.append(p(3, 3, 0), 0, 0n)).toMatchObject({ ok: false, errorCode: ErrorCode.INVALID_PRODUCER_EPOCH });
        expect(log.append(p(3, 3, 2), 0, 0n)).toMatchObject({ ok: false, errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER });
        expect(log.append(p(0, 3, 2), 0, 0n)).toMatchObject({ ok: true, baseOffset: 3n });
        expect(log.append(p(3, 3, 1), 0, 0n)).toMatchObject({ ok: false, errorCode: ErrorCode.INVALID_PRODUCER_EPOCH });
        expect(log.logEndOffset).toBe(6n);
      });

      it('keeps producers apart and wraps sequences at int32 max', () => {
        const log = store.openPartition('t', 0, config());
        expect(log.append(p(0, 2, 0, 1n), 0, 0n).ok).toBe(true);
        expect(log.append(p(0, 2, 0, 2n), 0, 0n).ok).toBe(true);
        expect(log.append(p(0x7fffffff - 1, 2, 0, 3n), 0, 0n).ok).toBe(true);
        expect(log.append(p(0, 2, 0, 3n), 0, 0n)).toMatchObject({ ok: true, baseOffset: 6n });
      });

      it('rebuilds producer state from the log on open', () => {
        let log = store.openPartition('t', 0, config());
        log.append(p(0), 0, 0n);
        log.append(p(3), 0, 0n);
        store.close();
        store = h.open();
        log = store.openPartition('t', 0, config());
        expect(log.append(p(3), 0, 0n)).toMatchObject({ ok: true, baseOffset: 3n, lastOffset: 5n });
        expect(log.append(p(9), 0, 0n)).toMatchObject({ ok: false, errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER });
        expect(log.append(p(6), 0, 0n)).toMatchObject({ ok: true, baseOffset: 6n });
      });
    });

    it('compacts closed segments to the last record per key, keeping offsets', () => {
      const cfg = config({ segmentBytes: 400, cleanupPolicy: 'compact', deleteRetentionMs: 1000 });
      const log = store.openPartition('t', 0, cfg);
      const rec = (k: string, v: string | null, ts: bigint) => ({ key: Buffer.from(k), value: v === null ? null : Buffer.from(v), timestamp: ts });
      const plan: [string, string | null, bigint][] = [];
      for (let round = 0; round < 6; round++) for (const k of ['a', 'b', 'c']) plan.push([k, `${k}${round}`, 100n]);
      plan.push(['b', null, 100n]); // old tombstone: removed
      plan.push(['c', null, 9_500n]); // recent tombstone: kept
      plan.push(['d', 'd0', 100n]);
      for (let i = 0; i < plan.length; i += 2) {
        const chunk = plan.slice(i, i + 2).map(([k, v, ts]) => rec(k, v, ts));
        expect(log.append(buildRecordBatch(chunk, { compression: i % 4 === 0 ? 1 : 0 }), 0, 0n).ok).toBe(true);
      }
      // larger than segment.bytes, so it rolls a new active segment: everything before it is closed
      const final = 'a-final'.padEnd(500, '.');
      log.append(buildRecordBatch([rec('a', final, 9_900n)]), 0, 0n);
      const endBefore = log.logEndOffset;
      log.compact(10_000n);
      const contents = (l: PartitionLog) => {
        const seen: { offset: bigint; key: string; value: string | null }[] = [];
        for (let off = 0n; off < l.logEndOffset; ) {
          const batches = batchesIn(l.read(off, 1 << 20));
          if (batches.length === 0) break;
          for (const b of batches)
            for (const r of b.records) seen.push({ offset: r.offset, key: r.key!.toString(), value: r.value?.toString() ?? null });
          off = batches.at(-1)!.header.baseOffset + BigInt(batches.at(-1)!.header.lastOffsetDelta) + 1n;
        }
        return seen;
      };
      const seen = contents(log);
      expect(log.logEndOffset).toBe(endBefore);
      expect(seen).toEqual([
        { offset: 19n, key: 'c', value: null },
        { offset: 20n, key: 'd', value: 'd0' },
        { offset: 21n, key: 'a', value: final },
      ]);
      // a fetch inside a removed range lands on the next surviving batch
      expect(batchesIn(log.read(3n, 1))[0]!.records[0]!.offset).toBe(19n);
      store.close();
      store = h.open();
      const again = store.openPartition('t', 0, cfg);
      expect(contents(again)).toEqual(seen);
      expect(again.logEndOffset).toBe(endBefore);
    });
  });
}

describe('decoding what the log serves', () => {
  it('decodes a stored batch to the offsets the log assigned', () => {
    const b = buildRecordBatch([{ key: null, value: Buffer.from('x') }]);
    const d = decodeRecords(b);
    expect(d.records[0]!.offset).toBe(0n);
  });
});
