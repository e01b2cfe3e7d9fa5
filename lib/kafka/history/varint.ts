// The byte-level codec of the lag-history files (store-format.ts): unsigned varints, zig-zag signed
// varints of 64-bit values, and a column of deltas in which runs of zeros take two bytes whatever
// their length. Offsets are 64-bit, so values are bigint end to end; a value is turned into a Number
// only after a bigint comparison has proved it exact (|v| < 2^50), which is the common case and
// several times faster to encode than bigint arithmetic.
import 'server-only';

const FAST = 2n ** 50n;
const FAST_NEG = -FAST;

/** A growable byte buffer. */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(initial = 1024) {
    this.buf = new Uint8Array(initial);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** An unsigned integer below 2^53. */
  uint(n: number): void {
    this.room(8);
    while (n >= 0x80) {
      this.buf[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.length++] = n;
  }

  /** A signed 64-bit value, zig-zag encoded. */
  int(v: bigint): void {
    if (v < FAST && v > FAST_NEG) {
      const n = Number(v);
      this.uint(n >= 0 ? n * 2 : -n * 2 - 1);
      return;
    }
    let z = v >= 0n ? v << 1n : (-v << 1n) - 1n;
    this.room(10);
    while (z >= 0x80n) {
      this.buf[this.length++] = Number(z & 0x7fn) | 0x80;
      z >>= 7n;
    }
    this.buf[this.length++] = Number(z);
  }

  string(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.uint(b.length);
    this.bytes(b);
  }

  /** The bytes written so far (a view: copy it before writing more). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}

export class ByteReader {
  pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  byte(): number {
    if (this.pos >= this.buf.length) throw new RangeError('lag history: record ends early');
    return this.buf[this.pos++]!;
  }

  bytes(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw new RangeError('lag history: record ends early');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  uint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
      if (scale > 2 ** 49) throw new RangeError('lag history: varint too long');
    }
  }

  /** A zig-zag value as a Number when it has at most seven bytes (|v| < 2^48, exact); otherwise
   * null, and nothing is consumed (read it with int()). */
  intNumber(): number | null {
    let n = 0;
    let scale = 1;
    const start = this.pos;
    for (let i = 0; i < 7; i++) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
      scale *= 0x80;
    }
    this.pos = start;
    return null;
  }

  int(): bigint {
    // Seven bytes (49 bits) are exact as a Number; longer ones are finished as bigint.
    let n = 0;
    let scale = 1;
    const start = this.pos;
    for (let i = 0; i < 7; i++) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n % 2 === 0 ? BigInt(n / 2) : -BigInt((n + 1) / 2);
      scale *= 0x80;
    }
    this.pos = start;
    let z = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      z |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7n;
      if (shift > 70n) throw new RangeError('lag history: varint too long');
    }
    return (z & 1n) === 0n ? z >> 1n : -((z + 1n) >> 1n);
  }

  /** Passes over one varint; true when it was 0. */
  skipVarint(): boolean {
    const first = this.byte();
    if (first < 0x80) return first === 0;
    while (this.byte() >= 0x80);
    return false;
  }

  string(): string {
    const n = this.uint();
    return Buffer.from(this.bytes(n)).toString('utf8');
  }
}

/** Writes deltas; a run of zeros becomes the token 0 and the run's length. */
export class DeltaWriter {
  private zeros = 0;

  constructor(private readonly out: ByteWriter) {}

  delta(d: bigint): void {
    if (d === 0n) {
      this.zeros++;
      return;
    }
    this.flush();
    this.out.int(d);
  }

  /** Ends a pending run of zeros (call once after the last delta). */
  flush(): void {
    if (this.zeros === 0) return;
    this.out.uint(0);
    this.out.uint(this.zeros);
    this.zeros = 0;
  }
}

export class DeltaReader {
  private zeros = 0;

  constructor(private readonly input: ByteReader) {}

  delta(): bigint {
    if (this.zeros > 0) {
      this.zeros--;
      return 0n;
    }
    const d = this.input.int();
    if (d !== 0n) return d;
    this.zeros = this.input.uint() - 1;
    return 0n;
  }

  /** The next delta as a Number when it is small enough to be exact, else null (nothing consumed:
   * read it with delta()). */
  deltaNumber(): number | null {
    if (this.zeros > 0) {
      this.zeros--;
      return 0;
    }
    const d = this.input.intNumber();
    if (d === null) return null;
    if (d !== 0) return d;
    this.zeros = this.input.uint() - 1;
    return 0;
  }

  /** Passes over `n` deltas without making their values (a reader that follows a few series). */
  skip(n: number): void {
    while (n > 0) {
      if (this.zeros > 0) {
        const k = Math.min(n, this.zeros);
        this.zeros -= k;
        n -= k;
        continue;
      }
      if (this.input.skipVarint()) this.zeros = this.input.uint();
      else n--;
    }
  }
}
