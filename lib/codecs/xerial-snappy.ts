// Snappy as Kafka clients put it on the wire. Java clients wrap raw snappy blocks in the xerial
// "snappy-java" stream framing (8-byte magic, two version ints, then length-prefixed blocks);
// librdkafka and the kafkajs plugins may send a bare raw snappy block. Every client reads both, so
// we accept both and write the framed form, which the Java consumer is happiest with.

import * as snappy from 'snappyjs';

const MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]); // 0x82 'SNAPPY' 0
const HEADER_SIZE = MAGIC.length + 8; // + version int32 + compatible version int32
const BLOCK_SIZE = 32 * 1024;

export function isXerialFramed(buf: Buffer): boolean {
  return buf.length >= HEADER_SIZE && buf.subarray(0, MAGIC.length).equals(MAGIC);
}

export function snappyDecompress(buf: Buffer): Buffer {
  if (!isXerialFramed(buf)) return toBuffer(snappy.uncompress(buf));
  const parts: Buffer[] = [];
  let pos = HEADER_SIZE;
  while (pos < buf.length) {
    if (pos + 4 > buf.length) throw new Error('xerial snappy: truncated block length');
    const len = buf.readInt32BE(pos);
    pos += 4;
    if (len < 0 || pos + len > buf.length) throw new Error('xerial snappy: block overruns the buffer');
    parts.push(toBuffer(snappy.uncompress(buf.subarray(pos, pos + len))));
    pos += len;
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

export function snappyCompressFramed(buf: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_SIZE);
  MAGIC.copy(header, 0);
  header.writeInt32BE(1, MAGIC.length);
  header.writeInt32BE(1, MAGIC.length + 4);
  const parts: Buffer[] = [header];
  for (let pos = 0; pos < buf.length; pos += BLOCK_SIZE) {
    const block = toBuffer(snappy.compress(buf.subarray(pos, Math.min(buf.length, pos + BLOCK_SIZE))));
    const len = Buffer.alloc(4);
    len.writeInt32BE(block.length, 0);
    parts.push(len, block);
  }
  return Buffer.concat(parts);
}

/** Raw (unframed) snappy, as librdkafka writes it. */
export function snappyCompressRaw(buf: Buffer): Buffer {
  return toBuffer(snappy.compress(buf));
}

function toBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}
