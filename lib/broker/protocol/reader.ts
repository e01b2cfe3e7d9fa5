// Bounds-checked cursor over a received frame. Every read checks the bytes are there first and throws
// ProtocolError otherwise, so a truncated or hostile frame can never make us read garbage, allocate
// from a forged length, or loop. Byte fields come back as views of the frame (no copy): record batches
// of a Produce request stay the producer's exact bytes, and whoever keeps them must own the frame.

import { ProtocolError } from './protocol-error';

export class Reader {
  private pos: number;

  constructor(
    private readonly buf: Buffer,
    offset = 0,
    private readonly end = buf.length,
  ) {
    if (offset < 0 || offset > end || end > buf.length) throw new ProtocolError('reader bounds outside buffer');
    this.pos = offset;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number, what: string): number {
    if (n < 0 || this.pos + n > this.end) {
      throw new ProtocolError(`truncated frame: ${what} needs ${n} bytes at offset ${this.pos}, ${this.remaining} left`);
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  int8(): number {
    return this.buf.readInt8(this.need(1, 'int8'));
  }

  int16(): number {
    return this.buf.readInt16BE(this.need(2, 'int16'));
  }

  uint16(): number {
    return this.buf.readUInt16BE(this.need(2, 'uint16'));
  }

  int32(): number {
    return this.buf.readInt32BE(this.need(4, 'int32'));
  }

  uint32(): number {
    return this.buf.readUInt32BE(this.need(4, 'uint32'));
  }

  int64(): bigint {
    return this.buf.readBigInt64BE(this.need(8, 'int64'));
  }

  float64(): number {
    return this.buf.readDoubleBE(this.need(8, 'float64'));
  }

  bool(): boolean {
    return this.buf[this.need(1, 'bool')] !== 0;
  }

  uuid(): Buffer {
    const at = this.need(16, 'uuid');
    return this.buf.subarray(at, at + 16);
  }

  /** Unsigned LEB128 varint of at most 32 bits (5 bytes), as used for compact lengths and tags. */
  uvarint(): number {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = this.buf[this.need(1, 'varint')] as number;
      value += (byte & 0x7f) * 2 ** (7 * i);
      if ((byte & 0x80) === 0) {
        if (value > 0xffffffff) throw new ProtocolError('unsigned varint exceeds 32 bits');
        return value;
      }
    }
    throw new ProtocolError('unsigned varint longer than 5 bytes');
  }

  /** Zigzag-encoded signed 32-bit varint (record fields). */
  varint(): number {
    const raw = this.uvarint();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }

  /** Zigzag-encoded signed 64-bit varint (record fields). */
  varlong(): bigint {
    let raw = 0n;
    for (let i = 0; i < 10; i++) {
      const byte = this.buf[this.need(1, 'varlong')] as number;
      raw |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) {
        if (raw > 0xffffffffffffffffn) throw new ProtocolError('varlong exceeds 64 bits');
        return (raw >> 1n) ^ -(raw & 1n);
      }
    }
    throw new ProtocolError('varlong longer than 10 bytes');
  }

  /** `n` raw bytes as a view of the frame. */
  raw(n: number): Buffer {
    const at = this.need(n, 'bytes');
    return this.buf.subarray(at, at + n);
  }

  private text(n: number): string {
    const at = this.need(n, 'string');
    return this.buf.toString('utf8', at, at + n);
  }

  /** int16 length + UTF-8; length -1 is null. */
  nullableString(): string | null {
    const n = this.int16();
    if (n === -1) return null;
    if (n < -1) throw new ProtocolError(`negative string length ${n}`);
    return this.text(n);
  }

  /** Unsigned varint (length + 1) + UTF-8; 0 is null. */
  compactNullableString(): string | null {
    const n = this.uvarint() - 1;
    return n === -1 ? null : this.text(n);
  }

  /** int32 length + bytes; length -1 is null. */
  nullableBytes(): Buffer | null {
    const n = this.int32();
    if (n === -1) return null;
    if (n < -1) throw new ProtocolError(`negative bytes length ${n}`);
    return this.raw(n);
  }

  /** Unsigned varint (length + 1) + bytes; 0 is null. */
  compactNullableBytes(): Buffer | null {
    const n = this.uvarint() - 1;
    return n === -1 ? null : this.raw(n);
  }

  /**
   * An array element count (int32, or compact unsigned varint length + 1); -1 is null. A count larger
   * than the bytes left cannot be honest (every element takes at least one byte), so it is rejected
   * before anyone allocates for it.
   */
  arrayLength(compact: boolean): number {
    const n = compact ? this.uvarint() - 1 : this.int32();
    if (n < -1) throw new ProtocolError(`negative array length ${n}`);
    if (n > this.remaining) throw new ProtocolError(`array length ${n} exceeds the ${this.remaining} bytes left`);
    return n;
  }

  /**
   * A tagged-field section: unsigned varint count, then (tag, size, bytes) per field. `onTag` gets a
   * reader confined to that field's bytes and returns false for tags it does not know (then skipped).
   */
  taggedFields(onTag?: (tag: number, field: Reader) => boolean): void {
    const count = this.uvarint();
    if (count > this.remaining) throw new ProtocolError(`tagged field count ${count} exceeds the bytes left`);
    for (let i = 0; i < count; i++) {
      const tag = this.uvarint();
      const size = this.uvarint();
      const start = this.need(size, `tagged field ${tag}`);
      if (onTag) {
        const field = new Reader(this.buf, start, start + size);
        if (onTag(tag, field) && field.remaining !== 0) {
          throw new ProtocolError(`tagged field ${tag} has ${field.remaining} unread bytes`);
        }
      }
    }
  }
}
