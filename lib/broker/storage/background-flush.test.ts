// fsync 'interval' must never stall the event loop: the periodic flush and the sync of a segment
// being rolled go to the thread pool (Blob.syncInBackground), one at a time per log, and appends
// made while one is in flight are flushed by the next round. The backend here is the real file
// backend with its two sync entry points counted.
import * as os from 'node:os';
import * as path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend, Blob } from './backend';
import { FileBackend } from './file-backend';
import { SegmentedPartitionLog } from './partition-log';
import { batchOf, config } from './test-harness';

class CountingBackend extends FileBackend {
  blocking = 0;
  background: { file: string; done: Promise<void> }[] = [];
  override open(p: string): Blob {
    return new CountedBlob(super.open(p), path.basename(p), this);
  }
}

class CountedBlob implements Blob {
  constructor(
    private readonly inner: Blob,
    private readonly file: string,
    private readonly counter: CountingBackend,
  ) {}
  get size(): number {
    return this.inner.size;
  }
  append(buf: Buffer): void {
    this.inner.append(buf);
  }
  readAt(pos: number, len: number, alloc?: (n: number) => Buffer): Buffer {
    return this.inner.readAt(pos, len, alloc);
  }
  truncate(size: number): void {
    this.inner.truncate(size);
  }
  sync(): void {
    this.counter.blocking++;
    this.inner.sync();
  }
  syncInBackground(done: (err: Error | null) => void): void {
    const finished = new Promise<void>((resolve) =>
      this.inner.syncInBackground((err) => {
        done(err);
        resolve();
      }),
    );
    this.counter.background.push({ file: this.file, done: finished });
  }
  close(): void {
    this.inner.close();
  }
  mtimeMs(): number {
    return this.inner.mtimeMs();
  }
}

describe('background fsync (interval)', () => {
  let dir: string;
  let backend: CountingBackend;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kafscope-bgsync-'));
    backend = new CountingBackend();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = (b: Backend, segmentBytes = 1 << 20) => new SegmentedPartitionLog(b, path.join(dir, 't-0'), config({ segmentBytes }), 'interval');

  it('flushes off the event loop, one fsync in flight at a time, and catches up afterwards', async () => {
    const log = open(backend);
    log.append(batchOf('a', 3), 0, 0n);
    log.flushInBackground();
    log.flushInBackground(); // already in flight: no second fsync
    expect(backend.background).toHaveLength(1);
    expect(backend.blocking).toBe(0);
    log.append(batchOf('b', 3), 0, 0n); // lands while the fsync runs
    await backend.background[0]!.done;
    log.flushInBackground();
    expect(backend.background).toHaveLength(2);
    await backend.background[1]!.done;
    log.flushInBackground(); // nothing new: nothing to do
    expect(backend.background).toHaveLength(2);
    expect(log.dirty).toBe(false);
    log.close();
  });

  it('syncs a rolled segment in the background instead of on the append path', () => {
    const log = open(backend, 600);
    for (let i = 0; i < 4; i++) expect(log.append(batchOf(`r${i}`, 5), 0, 0n).ok).toBe(true);
    expect(backend.background.some((s) => s.file.endsWith('.log'))).toBe(true);
    expect(backend.blocking).toBe(0);
    log.close();
  });
});
