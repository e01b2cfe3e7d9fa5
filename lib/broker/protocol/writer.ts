// Growable output for encoding frames. Small fields are copied into a scratch buffer; large byte blobs
// (record batches in Fetch responses, tens of MB at a high rate) are kept by reference and copied
// exactly once, when finish() joins everything into the final frame — or never, when finishChunks()
// hands the pieces to a socket writev.

import { ProtocolError } from './protocol-error';

/** Blobs at least this large are referenced rather than copied into the scratch buffer. */
const REFERENCE_THRESHOLD = 1024;
const INITIAL_SIZE = 256;
const MAX_SCRATCH = 1 << 20;

export class Writer {
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  private buf: Buffer;
  private start = 0;
  private pos = 0;

  constructor(initialSize = INITIAL_SIZE) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.chunkBytes + this.pos - this.start;
  }

  private seal(): void {
    if (this.pos > this.start) {
      this.chunks.push(this.buf.subarray(this.start, this.pos));
      this.chunkBytes += this.pos - this.start;
    }
    this.start = this.pos;
  }

  private room(n: number): number {
    if (this.pos + n > this.buf.length) {
      this.seal();
      this.buf = Buffer.allocUnsafe(Math.max(n, Math.min(this.buf.length * 2, MAX_SCRATCH)));
      this.start = this.pos = 0;
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  // Note: room() may swap this.buf, so every write takes its position before touching the buffer.
  private byte(v: number): void {
    const at = this.room(1);
    this.buf[at] = v;
  }

  int8(v: number): this {
    const at = this.room(1);
    this.buf.writeInt8(v, at);
    return this;
  }

  int16(v: number): this {
    const at = this.room(2);
    this.buf.writeInt16BE(v, at);
    return this;
  }

  uint16(v: number): this {
    const at = this.room(2);
    this.buf.writeUInt16BE(v, at);
    return this;
  }

  int32(v: number): this {
    const at = this.room(4);
    this.buf.writeInt32BE(v, at);
    return this;
  }

  uint32(v: number): this {
    const at = this.room(4);
    this.buf.writeUInt32BE(v, at);
    return this;
  }

  int64(v: bigint): this {
    const at = this.room(8);
    this.buf.writeBigInt64BE(v, at);
    return this;
  }

  float64(v: number): this {
    const at = this.room(8);
    this.buf.writeDoubleBE(v, at);
    return this;
  }

  bool(v: boolean): this {
    this.byte(v ? 1 : 0);
    return this;
  }

  uuid(v: Buffer): this {
    if (v.length !== 16) throw new ProtocolError(`a uuid has 16 bytes, got ${v.length}`);
    return this.raw(v);
  }

  /** Unsigned LEB128 varint of at most 32 bits. */
  uvarint(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new ProtocolError(`bad unsigned varint ${v}`);
    while (v >= 0x80) {
      this.byte((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.byte(v);
    return this;
  }

  /** Zigzag-encoded signed 32-bit varint. */
  varint(v: number): this {
    return this.uvarint(((v << 1) ^ (v >> 31)) >>> 0);
  }

  /** Zigzag-encoded signed 64-bit varint. */
  varlong(v: bigint): this {
    let raw = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    while (raw >= 0x80n) {
      this.byte(Number(raw & 0x7fn) | 0x80);
      raw >>= 7n;
    }
    this.byte(Number(raw));
    return this;
  }

  /** Raw bytes: small ones copied now, large ones referenced until finish(). */
  raw(v: Buffer): this {
    if (v.length >= REFERENCE_THRESHOLD) {
      this.seal();
      this.chunks.push(v);
      this.chunkBytes += v.length;
    } else if (v.length > 0) {
      const at = this.room(v.length);
      v.copy(this.buf, at);
    }
    return this;
  }

  /** int16 length + UTF-8; null as length -1. */
  nullableString(v: string | null): this {
    if (v === null) return this.int16(-1);
    const bytes = Buffer.from(v, 'utf8');
    if (bytes.length > 0x7fff) throw new ProtocolError(`string of ${bytes.length} bytes is too long`);
    return this.int16(bytes.length).raw(bytes);
  }

  /** Unsigned varint (length + 1) + UTF-8; null as 0. */
  compactNullableString(v: string | null): this {
    if (v === null) return this.uvarint(0);
    const bytes = Buffer.from(v, 'utf8');
    return this.uvarint(bytes.length + 1).raw(bytes);
  }

  /** int32 length + bytes; null as length -1. */
  nullableBytes(v: Buffer | null): this {
    if (v === null) return this.int32(-1);
    return this.int32(v.length).raw(v);
  }

  /** Unsigned varint (length + 1) + bytes; null as 0. */
  compactNullableBytes(v: Buffer | null): this {
    if (v === null) return this.uvarint(0);
    return this.uvarint(v.length + 1).raw(v);
  }

  /** An array element count; null (-1) as int32 -1 or compact 0. */
  arrayLength(n: number, compact: boolean): this {
    return compact ? this.uvarint(n + 1) : this.int32(n);
  }

  /** A tagged-field section from already-encoded fields, in ascending tag order. */
  taggedFields(fields: readonly { tag: number; bytes: Buffer }[]): this {
    this.uvarint(fields.length);
    for (const f of [...fields].sort((a, b) => a.tag - b.tag)) {
      this.uvarint(f.tag).uvarint(f.bytes.length).raw(f.bytes);
    }
    return this;
  }

  /** Everything written, as pieces in order, without copying the referenced blobs (for a writev). */
  finishChunks(): Buffer[] {
    this.seal();
    return this.chunks;
  }

  /** Everything written, as one Buffer (each referenced blob copied here, once). */
  finish(): Buffer {
    if (this.chunks.length === 0) return this.buf.subarray(this.start, this.pos);
    this.seal();
    const out = Buffer.concat(this.chunks, this.chunkBytes);
    this.chunks = [out];
    return out;
  }
}
