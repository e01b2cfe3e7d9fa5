// The store around the partition logs: listing and deleting partitions, metadata documents (replaced
// whole or appended), reopening with data intact, and no acknowledged append lost to SIGKILL.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, batchesIn, batchOf, config, harnesses } from './test-harness';
import { openStore } from './store';
import type { Store } from './types';

for (const { name, make } of harnesses) {
  describe(`store (${name})`, () => {
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

    it('lists partitions that exist, across a restart', () => {
      store.openPartition('orders', 0, config());
      store.openPartition('orders', 1, config());
      store.openPartition('my-topic-2', 0, config());
      store.writeMeta('cluster.json', '{}');
      store.close();
      store = h.open();
      expect(store.listPartitions()).toEqual([
        { topic: 'my-topic-2', partition: 0 },
        { topic: 'orders', partition: 0 },
        { topic: 'orders', partition: 1 },
      ]);
    });

    it('returns the open log when a partition is opened twice', () => {
      const a = store.openPartition('t', 0, config());
      a.append(batchOf('x', 2), 0, 0n);
      const b = store.openPartition('t', 0, config());
      expect(b.logEndOffset).toBe(2n);
      expect(b).toBe(a);
    });

    it('deletes a topic and only that topic', () => {
      store.openPartition('a', 0, config()).append(batchOf('x', 2), 0, 0n);
      store.openPartition('a-1', 0, config()).append(batchOf('y', 2), 0, 0n);
      store.deleteTopic('a');
      expect(store.listPartitions()).toEqual([{ topic: 'a-1', partition: 0 }]);
      expect(store.openPartition('a', 0, config()).logEndOffset).toBe(0n);
      expect(store.openPartition('a-1', 0, config()).logEndOffset).toBe(2n);
    });

    it('keeps metadata documents, replacing them whole', () => {
      expect(store.readMeta('topics.json')).toBeNull();
      store.writeMeta('topics.json', '{"v":1}');
      store.writeMeta('topics.json', '{"v":2}');
      store.close();
      store = h.open();
      expect(store.readMeta('topics.json')).toBe('{"v":2}');
      expect(() => store.writeMeta('../escape', 'x')).toThrow();
    });

    it('appends to metadata documents across a restart, and replaces them whole again', () => {
      store.appendMeta('journal', 'a\n');
      store.appendMeta('journal', 'b\n');
      store.close();
      store = h.open();
      store.appendMeta('journal', 'c\n');
      expect(store.readMeta('journal')).toBe('a\nb\nc\n');
      store.writeMeta('journal', '');
      store.appendMeta('journal', 'd\n');
      expect(store.readMeta('journal')).toBe('d\n');
      expect(() => store.appendMeta('../escape', 'x')).toThrow();
    });

    it('reopens a log with its data, offsets and segments intact', () => {
      const log = store.openPartition('t', 0, config({ segmentBytes: 600 }));
      for (let i = 0; i < 8; i++) log.append(batchOf(`b${i}`, 3), 0, 0n);
      const before = log.read(0n, 1 << 20);
      store.close();
      store = h.open();
      const again = store.openPartition('t', 0, config({ segmentBytes: 600 }));
      expect(again.logEndOffset).toBe(24n);
      expect(again.size()).toBe(log.size());
      expect(batchesIn(again.read(0n, 1 << 20)).map((b) => b.header.baseOffset)).toEqual(batchesIn(before).map((b) => b.header.baseOffset));
      expect(again.append(batchOf('more', 1), 0, 0n)).toMatchObject({ ok: true, baseOffset: 24n });
    });
  });
}

describe('store on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafscope-store-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("lays a partition out as Kafka does: <topic>-<partition>/<20-digit base offset>.log/.index/.timeindex", () => {
    const store = openStore({ dataDir: dir, fsync: 'always' });
    const log = store.openPartition('orders', 3, config({ segmentBytes: 500 }));
    for (let i = 0; i < 6; i++) log.append(batchOf(`b${i}`, 3), 0, 0n);
    store.close();
    const files = fs.readdirSync(path.join(dir, 'orders-3'));
    expect(files).toContain('00000000000000000000.log');
    expect(files).toContain('00000000000000000000.index');
    expect(files).toContain('00000000000000000000.timeindex');
    expect(files.filter((f) => f.endsWith('.log')).length).toBeGreaterThan(1);
    const first = fs.readFileSync(path.join(dir, 'orders-3', '00000000000000000000.log'));
    expect(batchesIn(first)[0]!.header.baseOffset).toBe(0n);
  });

  it('keeps every batch whose append returned when the process is killed with SIGKILL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'crash-child.ts'), dir, 'never'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.split('\n').length > 300) resolve();
      });
      child.on('exit', () => reject(new Error(`child exited early: ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const acked = out.split('\n').filter((l) => /^\d+$/.test(l)).map(BigInt);
    const lastAcked = acked.at(-1)!;
    const store = openStore({ dataDir: dir, fsync: 'never' });
    const log = store.openPartition('crash', 0, config({ segmentBytes: 64 * 1024 }));
    expect(log.logEndOffset).toBeGreaterThan(lastAcked);
    const seen = new Set<bigint>();
    for (let off = 0n; off < log.logEndOffset; ) {
      const batches = batchesIn(log.read(off, 1 << 20));
      for (const b of batches) for (const r of b.records) seen.add(r.offset);
      off = batches.at(-1)!.records.at(-1)!.offset + 1n;
    }
    for (const a of acked) expect(seen.has(a)).toBe(true);
    const end = log.logEndOffset;
    expect(log.append(batchOf('after', 1), 0, 0n)).toMatchObject({ ok: true, baseOffset: end });
    store.close();
  });
});
