// A bounds-checked cursor over untrusted bytes, shared by the Avro, Protobuf and Confluent-frame
// readers. Every read checks the remaining length first and throws a DecodeFault naming what was
// cut short, so a decoder's body reads straight-line and its boundary turns the fault into a value.
// Varints are read as bigint: both Avro and Protobuf use full 64-bit varints, which numbers cannot hold.
import { DecodeFault } from './result';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** The UTF-8 text of the bytes; a DecodeFault naming `what` when they are not valid UTF-8. */
export function utf8Strict(bytes: Uint8Array, what: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new DecodeFault(`${what} is not valid UTF-8`);
  }
}

export class ByteReader {
  pos: number;
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    /** Exclusive end of the readable window (default: the end of `bytes`). */
    readonly end = bytes.length,
  ) {
    this.pos = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  private need(n: number, what: string): void {
    if (n > this.end - this.pos) throw new DecodeFault(`truncated: ${what} needs ${n} byte(s) at offset ${this.pos}, ${this.end - this.pos} left`);
  }

  byte(what = 'a byte'): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  take(n: number, what: string): Uint8Array {
    if (n < 0 || !Number.isSafeInteger(n)) throw new DecodeFault(`invalid length ${n} for ${what} at offset ${this.pos}`);
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** An unsigned LEB128 varint of at most 10 bytes (64 bits). */
  uvarint(what = 'a varint'): bigint {
    const start = this.pos;
    // Fast path: up to 4 bytes (28 bits) fit a number exactly.
    let small = 0;
    for (let i = 0; i < 4; i++) {
      const b = this.byte(what);
      small |= (b & 0x7f) << (7 * i);
      if ((b & 0x80) === 0) return BigInt(small >>> 0);
    }
    let result = BigInt(small >>> 0);
    for (let i = 4; i < 10; i++) {
      const b = this.byte(what);
      if (i === 9 && b > 1) throw new DecodeFault(`${what} at offset ${start} overflows 64 bits`);
      result |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) return result;
    }
    throw new DecodeFault(`${what} at offset ${start} is longer than 10 bytes`);
  }

  /** A zigzag-encoded signed 64-bit varint (Avro's int and long, Protobuf's sint64). */
  zigzag(what = 'a varint'): bigint {
    const u = this.uvarint(what);
    return (u >> 1n) ^ -(u & 1n);
  }

  /** A zigzag varint that must be a non-negative count or length that fits a safe integer. */
  length(what: string): number {
    const n = this.zigzag(what);
    if (n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) throw new DecodeFault(`invalid ${what} ${n} at offset ${this.pos}`);
    return Number(n);
  }

  /** An unsigned varint length (Protobuf's), at most 2^31 - 1 as Protobuf allows. */
  length32(what: string): number {
    const n = this.uvarint(what);
    if (n > 0x7fffffffn) throw new DecodeFault(`invalid ${what} ${n} at offset ${this.pos}`);
    return Number(n);
  }

  float32(what = 'a float'): number {
    this.need(4, what);
    const v = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }

  float64(what = 'a double'): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  uint32LE(what = 'a fixed32'): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  uint64LE(what = 'a fixed64'): bigint {
    this.need(8, what);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v;
  }
}

/** The shortest decimal that reads back as the same 32-bit float: 0.1f shows as 0.1, not
 * 0.10000000149011612 (which is what widening it to a double would print). */
export function float32Text(x: number): string | null {
  if (!Number.isFinite(x)) return null;
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(x.toPrecision(p));
    if (Math.fround(candidate) === x) return Object.is(x, -0) ? '-0' : JSON.stringify(candidate);
  }
  return JSON.stringify(x);
}
