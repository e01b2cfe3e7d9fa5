// The frame reader's rules without a socket: frames split anywhere come out whole, a frame inside one
// chunk is not copied, the size limit is asked per frame, an announced size is never allocated up
// front, the shared budget refuses what would go past it, and disposing gives the memory back.
import { describe, expect, it } from 'vitest';
import { BufferBudget } from './buffer-budget';
import { FrameReader, type FrameProblem } from './frame-reader';
import { freeNow } from './free-now';

function framed(...payloads: Buffer[]): Buffer {
  return Buffer.concat(
    payloads.flatMap((p) => {
      const size = Buffer.alloc(4);
      size.writeInt32BE(p.length);
      return [size, p];
    }),
  );
}

function reader(opts: { max?: () => number; budget?: BufferBudget; freeChunks?: boolean } = {}) {
  const frames: Buffer[] = [];
  const problems: FrameProblem[] = [];
  const r = new FrameReader(
    { maxFrameBytes: opts.max ?? (() => 1 << 30), frame: (f) => frames.push(Buffer.from(f)), fail: (p) => problems.push(p) },
    { budget: opts.budget, freeChunks: opts.freeChunks },
  );
  return { r, frames, problems };
}

const payload = (n: number, seed: number) => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
};
/** Frames as hex, which vitest compares far faster than Buffers. */
const hex = (frames: Buffer[]) => frames.map((f) => f.toString('hex'));

describe('FrameReader', () => {
  it('returns the same frames however the stream is cut', () => {
    const payloads = [payload(10, 1), payload(0, 2), payload(70_000, 3), payload(3, 4), payload(300_000, 5)];
    const stream = framed(...payloads);
    for (const step of [1, 3, 4, 5, 1000, 65_536, stream.length]) {
      const { r, frames } = reader();
      for (let at = 0; at < stream.length; at += step) r.push(stream.subarray(at, at + step));
      expect(hex(frames)).toEqual(hex(payloads));
      expect(r.heldBytes).toBe(0);
    }
  });

  it('hands on a frame that arrives inside one chunk as a view of that chunk', () => {
    const seen: Buffer[] = [];
    const r = new FrameReader({ maxFrameBytes: () => 1000, frame: (f) => seen.push(f), fail: () => {} });
    const chunk = framed(payload(100, 1), payload(50, 2));
    r.push(chunk);
    expect(seen.map((f) => f.buffer)).toEqual([chunk.buffer, chunk.buffer]);
  });

  it('asks for the limit at each size prefix', () => {
    let max = 10;
    const { r, frames, problems } = reader({ max: () => max });
    r.push(framed(payload(10, 1)));
    max = 100;
    r.push(framed(payload(100, 2)));
    max = 10;
    r.push(framed(payload(11, 3)));
    expect(frames.length).toBe(2);
    expect(problems).toEqual([{ kind: 'size', size: 11, max: 10 }]);
    r.push(framed(payload(1, 4)));
    expect(frames.length).toBe(2); // stopped for good
  });

  it('rejects a negative size', () => {
    const { r, problems } = reader();
    r.push(Buffer.from([0xff, 0xff, 0xff, 0xfe]));
    expect(problems).toEqual([{ kind: 'size', size: -2, max: 1 << 30 }]);
  });

  it('allocates as bytes arrive, not what the size prefix announces', () => {
    const budget = new BufferBudget(1 << 30);
    const { r } = reader({ budget });
    const head = Buffer.alloc(4);
    head.writeInt32BE(100 * 1024 * 1024);
    r.push(head);
    r.push(Buffer.alloc(10));
    expect(r.pendingBytes).toBe(10);
    expect(r.heldBytes).toBeLessThanOrEqual(4096);
    for (let i = 0; i < 40; i++) r.push(Buffer.alloc(64 * 1024));
    const received = 10 + 40 * 64 * 1024;
    expect(r.heldBytes).toBeGreaterThanOrEqual(received);
    expect(r.heldBytes).toBeLessThan(2 * received);
    expect(budget.usedBytes).toBe(r.heldBytes);
    r.dispose();
    expect(budget.usedBytes).toBe(0);
    expect(r.heldBytes).toBe(0);
  });

  it('closes the stream whose frame would take the shared budget past its limit, and gives back on completion', () => {
    const budget = new BufferBudget(200_000);
    const a = reader({ budget });
    const b = reader({ budget });
    const big = framed(payload(150_000, 1));
    a.r.push(big.subarray(0, 120_000));
    const held = budget.usedBytes;
    expect(held).toBeGreaterThan(0);
    b.r.push(big.subarray(0, 120_000));
    expect(b.problems).toMatchObject([{ kind: 'budget', frameSize: 150_000 }]);
    expect(budget.usedBytes).toBe(held); // b gave back what it had taken
    a.r.push(big.subarray(120_000));
    expect(hex(a.frames)).toEqual(hex([payload(150_000, 1)]));
    expect(budget.usedBytes).toBe(0);
  });

  it('frees a chunk it copied completely, and never one a frame still points into', () => {
    const { r, frames } = reader({ freeChunks: true });
    const whole = Buffer.allocUnsafeSlow(framed(payload(20, 1)).length + 6);
    framed(payload(20, 1)).copy(whole);
    framed(payload(100, 2)).copy(whole, 24, 0, 6); // the start of a second frame
    r.push(whole);
    expect(whole.length).toBe(30); // a frame points into it: kept
    const rest = Buffer.allocUnsafeSlow(98);
    framed(payload(100, 2)).copy(rest, 0, 6);
    r.push(rest);
    expect(rest.length).toBe(0); // copied into the reader's blocks, then freed
    expect(hex(frames)).toEqual(hex([payload(20, 1), payload(100, 2)]));
  });
});

describe('freeNow', () => {
  it('releases a buffer that owns its memory, and leaves views of shared memory alone', () => {
    const own = Buffer.allocUnsafeSlow(1 << 20);
    expect(freeNow(own)).toBe(true);
    expect(own.length).toBe(0);
    const pooled = Buffer.from('small');
    expect(freeNow(pooled)).toBe(false);
    expect(pooled.toString()).toBe('small');
    const big = Buffer.alloc(100);
    expect(freeNow(big.subarray(10))).toBe(false);
    expect(big.length).toBe(100);
  });
});
