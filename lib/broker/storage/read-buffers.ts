// Reusable buffers for reading stored batches on the Fetch path. A consumer catching up reads
// megabytes per request; a fresh buffer each time costs page faults on first touch and, being
// external memory, drives V8 into frequent full GCs. Buffers come from a few power-of-two size
// classes and go back once the socket has written them (never earlier: whoever gives a buffer back
// promises nothing references it any more). Buffers this pool did not hand out are ignored.

const MIN_CLASS = 64 * 1024;
const MAX_CLASS = 16 * 1024 * 1024;

export class ReadBufferPool {
  private readonly free = new Map<number, ArrayBuffer[]>();
  private readonly owned = new WeakSet<ArrayBuffer>();
  private readonly idle = new WeakSet<ArrayBuffer>();
  private idleBytes = 0;

  /** @param maxIdleBytes memory kept for reuse; beyond it returned buffers are left to the GC. */
  constructor(private readonly maxIdleBytes = 32 * 1024 * 1024) {}

  /** A buffer of exactly `n` bytes (contents undefined). */
  take(n: number): Buffer {
    if (n > MAX_CLASS) return Buffer.allocUnsafeSlow(n);
    const size = classFor(n);
    const ab = this.free.get(size)?.pop();
    if (ab) {
      this.idle.delete(ab);
      this.idleBytes -= size;
      return Buffer.from(ab, 0, n);
    }
    const fresh = Buffer.allocUnsafeSlow(size).buffer as ArrayBuffer;
    this.owned.add(fresh);
    return Buffer.from(fresh, 0, n);
  }

  /** Gives back a buffer from take() (or any view of one); anything else is ignored. */
  give(buf: Buffer): void {
    const ab = buf.buffer as ArrayBuffer;
    if (!this.owned.has(ab) || this.idle.has(ab)) return;
    if (this.idleBytes + ab.byteLength > this.maxIdleBytes) return;
    let list = this.free.get(ab.byteLength);
    if (!list) this.free.set(ab.byteLength, (list = []));
    list.push(ab);
    this.idle.add(ab);
    this.idleBytes += ab.byteLength;
  }

  /** Bytes waiting for reuse (for tests). */
  get idleByteCount(): number {
    return this.idleBytes;
  }
}

function classFor(n: number): number {
  let size = MIN_CLASS;
  while (size < n) size *= 2;
  return size;
}
