// Zigzag varints as record batch v2 encodes each record (lengths, deltas, header counts). Kept here
// rather than in the request codec because records live inside batches the broker stores as opaque
// bytes: only the record layer ever looks inside.

/** Growable byte sink for encoding records. */
export class ByteSink {
  buf: Buffer;
  pos = 0;
  constructor(initial = 256) {
    this.buf = Buffer.allocUnsafe(initial);
  }
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  varint(v: number): void {
    this.ensure(5);
    let z = ((v << 1) ^ (v >> 31)) >>> 0;
    while (z >= 0x80) {
      this.buf[this.pos++] = (z & 0x7f) | 0x80;
      z >>>= 7;
    }
    this.buf[this.pos++] = z;
  }
  varlong(v: bigint): void {
    this.ensure(10);
    let z = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    while (z >= 0x80n) {
      this.buf[this.pos++] = Number(z & 0x7fn) | 0x80;
      z >>= 7n;
    }
    this.buf[this.pos++] = Number(z);
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  /** A varint length then the bytes, or length -1 for null. */
  nullableBytes(b: Uint8Array | null): void {
    if (b === null) return this.varint(-1);
    this.varint(b.length);
    this.bytes(b);
  }
  result(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** Cursor over a buffer of records; throws RangeError on reads past the end. */
export class ByteSource {
  constructor(
    readonly buf: Buffer,
    public pos = 0,
    readonly end = buf.length,
  ) {}
  private byte(): number {
    if (this.pos >= this.end) throw new RangeError('record data ends early');
    return this.buf[this.pos++]!;
  }
  int8(): number {
    const b = this.byte();
    return b > 127 ? b - 256 : b;
  }
  varint(): number {
    let z = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      z |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
      if (shift > 28) throw new RangeError('varint too long');
    }
    return (z >>> 1) ^ -(z & 1);
  }
  varlong(): bigint {
    let z = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      z |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7n;
      if (shift > 63n) throw new RangeError('varlong too long');
    }
    return (z >> 1n) ^ -(z & 1n);
  }
  bytes(n: number): Buffer {
    if (n < 0 || this.pos + n > this.end) throw new RangeError('record data ends early');
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  nullableBytes(): Buffer | null {
    const n = this.varint();
    return n < 0 ? null : this.bytes(n);
  }
}
