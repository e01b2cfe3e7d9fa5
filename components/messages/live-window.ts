// The live tail's rows, kept outside React: a window of at most `size` rows, newest first, fed in
// frames. Records that arrive while paused are held (up to the window's size less one; beyond that
// they are counted, and on resume a "N skipped" marker takes their place, below the held ones). When more records arrive in one
// frame than a frame can show, only the newest `perFrame` are kept and the rest counted as sampled
// out, so a burst of 10,000 messages a second costs the page a bounded amount of work per frame.
import type { Message } from '@/lib/schemas/message';

export type LiveRow = { kind: 'message'; id: string; message: Message } | { kind: 'skipped'; id: string; count: number };

export class LiveWindow {
  rows: LiveRow[] = [];
  private incoming: unknown[] = [];
  private held: Message[] = [];
  private heldSkipped = 0;
  private nextGap = 0;
  paused = false;
  /** Records not shown because they came faster than frames could show them. */
  sampledOut = 0;
  /** Records shown or held since the start. */
  kept = 0;

  constructor(
    public size: number,
    private readonly perFrame: number,
    /** Checks one message as it comes over the wire; only the messages shown are checked. */
    private readonly check: (raw: unknown) => Message | null,
  ) {}

  push(messages: unknown[]): void {
    for (const m of messages) this.incoming.push(m);
  }

  /** Applies what arrived since the last frame; true when the rows changed. */
  frame(): boolean {
    if (this.incoming.length === 0) return false;
    let raw = this.incoming;
    this.incoming = [];
    if (raw.length > this.perFrame) {
      this.sampledOut += raw.length - this.perFrame;
      raw = raw.slice(raw.length - this.perFrame);
    }
    const batch: Message[] = [];
    for (const r of raw) {
      const m = this.check(r);
      if (m) batch.push(m);
    }
    this.kept += batch.length;
    if (this.paused) {
      this.held.push(...batch);
      // One place is kept for the "N skipped" marker, so it is always in the window on resume.
      const room = this.size - 1;
      if (this.held.length > room) {
        this.heldSkipped += this.held.length - room;
        // The oldest held records go: the newest are what the user will want to see on resume.
        this.held = this.held.slice(this.held.length - room);
      }
      return false;
    }
    this.prepend(batch);
    return true;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    const held = this.held;
    const skipped = this.heldSkipped;
    this.held = [];
    this.heldSkipped = 0;
    if (skipped > 0) this.rows = [{ kind: 'skipped', id: `gap-${this.nextGap++}`, count: skipped }, ...this.rows];
    this.prepend(held);
  }

  /** Held while paused, and how many were skipped beyond the bound. */
  heldCount(): { held: number; skipped: number } {
    return { held: this.held.length, skipped: this.heldSkipped };
  }

  private prepend(oldestFirst: Message[]): void {
    if (oldestFirst.length === 0) return;
    const fresh: LiveRow[] = [];
    for (let i = oldestFirst.length - 1; i >= 0 && fresh.length < this.size; i--) {
      const m = oldestFirst[i]!;
      fresh.push({ kind: 'message', id: `${m.partition}-${m.offset}`, message: m });
    }
    const next = fresh.concat(this.rows);
    this.rows = next.length > this.size ? next.slice(0, this.size) : next;
  }
}
