// A growable byte buffer with the primitives Avro's binary encoding needs: zigzag varints on bigint
// (so a long is exact to 64 bits), little-endian floats, and length-prefixed bytes.

export class ByteWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.len++] = b;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** Zigzag varint of a signed 64-bit integer. */
  zigzag(n: bigint): void {
    let z = BigInt.asUintN(64, (n << 1n) ^ (n >> 63n));
    while (z >= 0x80n) {
      this.byte(Number(z & 0x7fn) | 0x80);
      z >>= 7n;
    }
    this.byte(Number(z));
  }

  float32(x: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, x, true);
    this.bytes(b);
  }

  float64(x: number): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, x, true);
    this.bytes(b);
  }

  /** A length (zigzag long) then the bytes. */
  sized(b: Uint8Array): void {
    this.zigzag(BigInt(b.length));
    this.bytes(b);
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
