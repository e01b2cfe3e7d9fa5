// The memory every connection of one broker may hold, together, for request frames that have not
// finished arriving. One limit per frame (socket.request.max.bytes) still lets a few peers that each
// announce a 100 MB frame and send most of it pin gigabytes; this shared cap bounds the sum. It counts
// the capacity of the blocks the frame readers allocate (the memory actually taken), so a frame reader
// asks before allocating and gives back when its frame completes or its connection closes.

export class BufferBudget {
  private used = 0;

  /** @param maxBytes bytes all unfinished frames may hold at once (Infinity = no limit). */
  constructor(readonly maxBytes: number) {}

  /** Bytes currently held. */
  get usedBytes(): number {
    return this.used;
  }

  /** Takes `n` bytes from the budget; false (taking nothing) when that would exceed the limit. */
  tryTake(n: number): boolean {
    if (this.used + n > this.maxBytes) return false;
    this.used += n;
    return true;
  }

  giveBack(n: number): void {
    this.used = Math.max(0, this.used - n);
  }
}
