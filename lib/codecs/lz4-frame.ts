// LZ4 in the frame format (magic 0x184D2204) that Kafka uses for compression type 3. Written here
// rather than taken from npm because the small pure-JS packages mis-read frames that carry a content
// size or checksums, which other clients may send. Reads every frame option; writes 64 KB
// independent blocks with no checksums beyond the header byte, as Kafka's own Java client does.

import { xxh32 } from './xxhash32';

const MAGIC = 0x184d2204;
const BLOCK_SIZES: Record<number, number> = { 4: 64 << 10, 5: 256 << 10, 6: 1 << 20, 7: 4 << 20 };
const WRITE_BLOCK = 64 << 10;
const MIN_MATCH = 4;
const LAST_LITERALS = 5;
const MF_LIMIT = 12;
const HASH_LOG = 16;

export function lz4Decompress(src: Buffer): Buffer {
  if (src.length < 7 || src.readUInt32LE(0) !== MAGIC) throw new Error('lz4: not an LZ4 frame');
  const flg = src[4]!;
  const bd = src[5]!;
  if (flg >> 6 !== 1) throw new Error('lz4: unsupported frame version');
  const blockChecksum = (flg & 0x10) !== 0;
  const hasContentSize = (flg & 0x08) !== 0;
  const hasDictId = (flg & 0x01) !== 0;
  if (BLOCK_SIZES[(bd >> 4) & 7] === undefined) throw new Error('lz4: invalid block size');
  let sp = 6;
  let capacity = 64 << 10;
  if (hasContentSize) {
    capacity = Math.max(1, Number(src.readBigUInt64LE(sp)));
    sp += 8;
  }
  if (hasDictId) sp += 4;
  if (((xxh32(src, 4, sp) >>> 8) & 0xff) !== src[sp]) throw new Error('lz4: frame header checksum mismatch');
  sp += 1;
  const out = new Sink(capacity);
  for (;;) {
    if (sp + 4 > src.length) throw new Error('lz4: truncated frame');
    const word = src.readUInt32LE(sp);
    sp += 4;
    if (word === 0) break;
    const size = word & 0x7fffffff;
    if (sp + size > src.length) throw new Error('lz4: block overruns the frame');
    if (word & 0x80000000) out.copy(src, sp, size);
    else decompressBlock(src, sp, sp + size, out);
    sp += size + (blockChecksum ? 4 : 0);
  }
  return out.result();
}

class Sink {
  buf: Buffer;
  pos = 0;
  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(capacity);
  }
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  copy(src: Buffer, start: number, len: number): void {
    this.ensure(len);
    src.copy(this.buf, this.pos, start, start + len);
    this.pos += len;
  }
  result(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

function decompressBlock(src: Buffer, sp: number, end: number, out: Sink): void {
  while (sp < end) {
    const token = src[sp++]!;
    let lit = token >>> 4;
    if (lit === 15) {
      let b: number;
      do {
        if (sp >= end) throw new Error('lz4: corrupt literal length');
        b = src[sp++]!;
        lit += b;
      } while (b === 255);
    }
    if (sp + lit > end) throw new Error('lz4: literals overrun the block');
    out.copy(src, sp, lit);
    sp += lit;
    if (sp >= end) break; // the last sequence has literals only
    if (sp + 2 > end) throw new Error('lz4: truncated match offset');
    const offset = src[sp]! | (src[sp + 1]! << 8);
    sp += 2;
    let len = token & 15;
    if (len === 15) {
      let b: number;
      do {
        if (sp >= end) throw new Error('lz4: corrupt match length');
        b = src[sp++]!;
        len += b;
      } while (b === 255);
    }
    len += MIN_MATCH;
    // Dependent blocks may reach back into earlier blocks' output: all blocks decode into one buffer.
    if (offset === 0 || offset > out.pos)
      throw new Error('lz4: match offset out of range');
    out.ensure(len);
    const buf = out.buf;
    let from = out.pos - offset;
    let to = out.pos;
    if (offset >= len) {
      buf.copy(buf, to, from, from + len);
    } else {
      for (const stop = to + len; to < stop; ) buf[to++] = buf[from++]!;
    }
    out.pos += len;
  }
}

export function lz4Compress(src: Buffer): Buffer {
  const out = new Sink(src.length + ((src.length / 255) | 0) + 64);
  out.ensure(7);
  out.buf.writeUInt32LE(MAGIC, 0);
  out.buf[4] = 0x60; // version 01, independent blocks, no checksums, no content size
  out.buf[5] = 0x40; // 64 KB maximum block size
  out.buf[6] = (xxh32(out.buf, 4, 6) >>> 8) & 0xff;
  out.pos = 7;
  const table = new Int32Array(1 << HASH_LOG);
  for (let start = 0; start < src.length; start += WRITE_BLOCK) {
    const end = Math.min(src.length, start + WRITE_BLOCK);
    const sizeAt = out.pos;
    out.ensure(4 + (end - start) + ((end - start) / 255 | 0) + 16);
    out.pos += 4;
    table.fill(0);
    compressBlock(src, start, end, out, table);
    const compressed = out.pos - sizeAt - 4;
    if (compressed >= end - start) {
      out.pos = sizeAt + 4;
      out.copy(src, start, end - start);
      out.buf.writeUInt32LE((0x80000000 | (end - start)) >>> 0, sizeAt);
    } else {
      out.buf.writeUInt32LE(compressed, sizeAt);
    }
  }
  out.ensure(4);
  out.buf.writeUInt32LE(0, out.pos);
  out.pos += 4;
  return out.result();
}

/** Greedy single-probe LZ4 block compressor; `table` maps a 4-byte hash to position + 1. */
function compressBlock(src: Buffer, start: number, end: number, out: Sink, table: Int32Array): void {
  const buf = out.buf; // capacity was ensured for the worst case by the caller
  let op = out.pos;
  let anchor = start;
  let p = start;
  const matchLimit = end - MF_LIMIT;
  const u32 = (i: number) => src[i]! | (src[i + 1]! << 8) | (src[i + 2]! << 16) | (src[i + 3]! << 24);
  while (p < matchLimit) {
    const seq = u32(p);
    const h = Math.imul(seq, 2654435761) >>> (32 - HASH_LOG);
    const ref = table[h]! - 1;
    table[h] = p + 1;
    if (ref < start || p - ref > 65535 || u32(ref) !== seq) {
      p++;
      continue;
    }
    let len = MIN_MATCH;
    const maxEnd = end - LAST_LITERALS;
    while (p + len < maxEnd && src[ref + len] === src[p + len]) len++;
    op = writeSequence(buf, op, src, anchor, p - anchor, p - ref, len);
    p += len;
    anchor = p;
  }
  op = writeSequence(buf, op, src, anchor, end - anchor, 0, 0);
  out.pos = op;
}

function writeSequence(buf: Buffer, op: number, src: Buffer, litStart: number, lit: number, offset: number, matchLen: number): number {
  const ml = matchLen === 0 ? 0 : matchLen - MIN_MATCH;
  buf[op++] = (Math.min(lit, 15) << 4) | Math.min(ml, 15);
  if (lit >= 15) {
    let n = lit - 15;
    for (; n >= 255; n -= 255) buf[op++] = 255;
    buf[op++] = n;
  }
  src.copy(buf, op, litStart, litStart + lit);
  op += lit;
  if (matchLen === 0) return op;
  buf[op++] = offset & 0xff;
  buf[op++] = offset >>> 8;
  if (ml >= 15) {
    let n = ml - 15;
    for (; n >= 255; n -= 255) buf[op++] = 255;
    buf[op++] = n;
  }
  return op;
}
