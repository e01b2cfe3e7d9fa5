// Splits a TCP byte stream into Kafka frames (an int32 size, then that many bytes). Kept apart from
// the connection so the framing rules — including the limits that protect the broker from a hostile
// or confused peer — are in one small place.
//
// Memory, which is what those limits are about:
// * A frame that arrives whole inside one chunk is handed on as a view of that chunk: no copy.
// * The bytes of a frame still arriving are copied into blocks this reader allocates as the bytes
//   come (growing with what has arrived, at most 1 MiB each) — never one buffer sized by what the
//   peer announced. Each block is taken from the broker-wide BufferBudget first; a block the budget
//   refuses ends the stream. A frame that fits one block is handed on as that block; a larger one is
//   joined once it is complete and its blocks are freed at once.
// * A socket chunk whose bytes were all copied is freed at once (freeNow): thousands of 64 KiB read
//   chunks waiting for the garbage collector are what lets glibc's heap grow and keep the memory.
// * dispose() (the connection closed) frees the blocks of an unfinished frame at once as well.
// The limit on one frame's size is asked of the sink each time a size prefix arrives, so it can
// depend on the connection's state (smaller before SASL authentication).
import type { BufferBudget } from './buffer-budget';
import { freeNow } from './free-now';

/** Why the stream cannot go on. */
export type FrameProblem =
  | { kind: 'size'; size: number; max: number }
  | { kind: 'budget'; frameSize: number; received: number; wanted: number; budget: BufferBudget };

export interface FrameSink {
  /** The largest frame accepted now; asked when a frame's size prefix arrives. */
  maxFrameBytes(): number;
  /** A whole frame, without its size prefix. May dispose() the reader. */
  frame(frame: Buffer): void;
  /** The stream cannot go on; the reader has stopped and the sink is expected to close. */
  fail(problem: FrameProblem): void;
}

export interface FrameReaderOptions {
  /** Shared limit on the blocks of unfinished frames (none when absent). */
  budget?: BufferBudget;
  /** Chunks come straight from a socket and belong to this reader: free those no frame refers to. */
  freeChunks?: boolean;
}

const MIN_BLOCK = 4 * 1024;
const MAX_BLOCK = 1024 * 1024;

export class FrameReader {
  private readonly prefix = Buffer.alloc(4);
  private prefixFill = 0;
  /** Size of the frame being assembled in blocks, or -1 when none is. */
  private need = -1;
  private have = 0;
  private blocks: Buffer[] = [];
  private fill = 0;
  /** Capacity of `blocks`, taken from the budget. */
  private held = 0;
  private stopped = false;

  constructor(
    private readonly sink: FrameSink,
    private readonly opts: FrameReaderOptions = {},
  ) {}

  /** Memory held for the unfinished frame (block capacity). */
  get heldBytes(): number {
    return this.held;
  }

  /** Bytes of the unfinished frame received so far (size prefix not counted). */
  get pendingBytes(): number {
    return this.need < 0 ? 0 : this.have;
  }

  /** Feeds a chunk; whole frames go to the sink as they complete. Nothing happens once stopped. */
  push(chunk: Buffer): void {
    if (this.stopped) return;
    let referenced = false;
    let at = 0;
    while (at < chunk.length && !this.stopped) {
      if (this.need < 0) {
        let size: number;
        if (this.prefixFill === 0 && chunk.length - at >= 4) {
          size = chunk.readInt32BE(at);
          at += 4;
        } else {
          const n = chunk.copy(this.prefix, this.prefixFill, at, at + 4 - this.prefixFill);
          at += n;
          this.prefixFill += n;
          if (this.prefixFill < 4) break;
          this.prefixFill = 0;
          size = this.prefix.readInt32BE(0);
        }
        const max = this.sink.maxFrameBytes();
        if (size < 0 || size > max) {
          this.fail({ kind: 'size', size, max });
          break;
        }
        if (chunk.length - at >= size) {
          referenced = true;
          const frame = chunk.subarray(at, at + size);
          at += size;
          this.sink.frame(frame);
          continue;
        }
        this.need = size;
        this.have = 0;
      }
      at = this.collect(chunk, at);
      if (!this.stopped && this.have === this.need) this.sink.frame(this.finish());
    }
    if (this.opts.freeChunks && !referenced) freeNow(chunk);
  }

  /** Stops reading and frees what an unfinished frame holds. Idempotent. */
  dispose(): void {
    this.stopped = true;
    this.drop();
  }

  /** Copies bytes of the unfinished frame from chunk[at..] into blocks; returns the new position. */
  private collect(chunk: Buffer, at: number): number {
    while (at < chunk.length && this.have < this.need) {
      let block = this.blocks[this.blocks.length - 1];
      if (!block || this.fill === block.length) {
        const grow = Math.min(MAX_BLOCK, Math.max(MIN_BLOCK, this.have, chunk.length - at));
        const size = Math.min(this.need - this.have, grow);
        if (this.opts.budget && !this.opts.budget.tryTake(size)) {
          this.fail({ kind: 'budget', frameSize: this.need, received: this.have, wanted: size, budget: this.opts.budget });
          return at;
        }
        this.held += size;
        block = Buffer.allocUnsafeSlow(size);
        this.blocks.push(block);
        this.fill = 0;
      }
      const n = chunk.copy(block, this.fill, at, Math.min(chunk.length, at + block.length - this.fill));
      this.fill += n;
      this.have += n;
      at += n;
    }
    return at;
  }

  /** The completed frame; the reader is then ready for the next size prefix. */
  private finish(): Buffer {
    const blocks = this.blocks;
    this.blocks = [];
    let frame: Buffer;
    if (blocks.length === 1) {
      frame = blocks[0]!;
    } else {
      frame = Buffer.allocUnsafe(this.need);
      let at = 0;
      for (const b of blocks) {
        at += b.copy(frame, at);
        freeNow(b);
      }
    }
    this.drop();
    return frame;
  }

  private fail(problem: FrameProblem): void {
    this.dispose();
    this.sink.fail(problem);
  }

  private drop(): void {
    for (const b of this.blocks) freeNow(b);
    this.blocks = [];
    this.opts.budget?.giveBack(this.held);
    this.held = 0;
    this.need = -1;
    this.have = 0;
    this.fill = 0;
  }
}
