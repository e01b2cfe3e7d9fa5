// Splits a TCP byte stream into Kafka frames (an int32 size, then that many bytes). Kept apart from
// the connection so the framing rules — including the size limit that protects the broker from a
// hostile or confused peer — are in one small place. Chunks are only copied when a frame spans them.

export type FrameResult = { kind: 'frame'; frame: Buffer } | { kind: 'too-large'; size: number };

export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Size of the frame being assembled, or -1 while its 4-byte prefix has not arrived. */
  private need = -1;

  constructor(private readonly maxFrameBytes: number) {}

  /** Bytes received but not yet returned as frames. */
  get pendingBytes(): number {
    return this.buffered;
  }

  /** Feeds a chunk; returns every frame now complete (payload without the size prefix). */
  push(chunk: Buffer): FrameResult[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: FrameResult[] = [];
    for (;;) {
      if (this.need < 0) {
        if (this.buffered < 4) break;
        const size = this.take(4).readInt32BE(0);
        if (size < 0 || size > this.maxFrameBytes) {
          out.push({ kind: 'too-large', size });
          this.chunks = [];
          this.buffered = 0;
          break;
        }
        this.need = size;
      }
      if (this.buffered < this.need) break;
      out.push({ kind: 'frame', frame: this.take(this.need) });
      this.need = -1;
    }
    return out;
  }

  /** Removes and returns the next n buffered bytes (n <= buffered). */
  private take(n: number): Buffer {
    const first = this.chunks[0]!;
    if (first.length >= n) {
      const piece = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      this.buffered -= n;
      return piece;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const c = this.chunks[0]!;
      const want = n - filled;
      if (c.length <= want) {
        c.copy(out, filled);
        filled += c.length;
        this.chunks.shift();
      } else {
        c.copy(out, filled, 0, want);
        this.chunks[0] = c.subarray(want);
        filled += want;
      }
    }
    this.buffered -= n;
    return out;
  }
}
