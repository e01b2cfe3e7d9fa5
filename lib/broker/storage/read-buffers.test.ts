// The Fetch path's buffer pool: reuse of returned memory, buffers it never handed out or got twice,
// and its cap on idle memory.
import { describe, expect, it } from 'vitest';
import { ReadBufferPool } from './read-buffers';

describe('ReadBufferPool', () => {
  it('hands out buffers of the size asked and reuses returned memory', () => {
    const pool = new ReadBufferPool();
    const a = pool.take(100_000);
    expect(a.length).toBe(100_000);
    pool.give(a.subarray(0, 10)); // any view of it gives the whole buffer back
    expect(pool.idleByteCount).toBeGreaterThanOrEqual(100_000);
    const b = pool.take(90_000);
    expect(b.buffer).toBe(a.buffer);
    expect(pool.idleByteCount).toBe(0);
  });

  it('ignores buffers it did not hand out and buffers given back twice', () => {
    const pool = new ReadBufferPool();
    pool.give(Buffer.alloc(200_000));
    expect(pool.idleByteCount).toBe(0);
    const a = pool.take(70_000);
    pool.give(a);
    const idle = pool.idleByteCount;
    pool.give(a);
    expect(pool.idleByteCount).toBe(idle);
    const b = pool.take(70_000);
    const c = pool.take(70_000);
    expect(b.buffer).toBe(a.buffer);
    expect(c.buffer).not.toBe(a.buffer);
  });

  it('keeps no more idle memory than its limit', () => {
    const pool = new ReadBufferPool(300_000);
    const taken = [pool.take(100_000), pool.take(100_000), pool.take(100_000)];
    for (const t of taken) pool.give(t);
    expect(pool.idleByteCount).toBeLessThanOrEqual(300_000);
    expect(pool.idleByteCount).toBeGreaterThan(0);
  });
});
