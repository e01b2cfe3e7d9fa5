// Decodes a consumer group member's assignment bytes (Kafka's ConsumerProtocolAssignment: int16
// version, an array of (string topic, int32[] partitions), then user data). Tolerant: bytes that are
// not this format (another protocol type, truncated data) give an empty assignment, never an error.
import 'server-only';

export type Assignment = { topic: string; partitions: number[] }[];

export function decodeAssignment(bytes: Buffer | Uint8Array | null | undefined): Assignment {
  if (!bytes || bytes.length < 6) return [];
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (n: number) => {
    if (at + n > buf.length) throw new RangeError('truncated');
  };
  try {
    need(2);
    const version = buf.readInt16BE(at);
    at += 2;
    if (version < 0) return [];
    need(4);
    const topics = buf.readInt32BE(at);
    at += 4;
    if (topics < 0 || topics > 100_000) return [];
    const out: Assignment = [];
    for (let i = 0; i < topics; i++) {
      need(2);
      const len = buf.readInt16BE(at);
      at += 2;
      if (len < 0) return [];
      need(len);
      const topic = buf.toString('utf8', at, at + len);
      at += len;
      need(4);
      const count = buf.readInt32BE(at);
      at += 4;
      if (count < 0 || count > 1_000_000) return [];
      need(4 * count);
      const partitions: number[] = [];
      for (let j = 0; j < count; j++, at += 4) partitions.push(buf.readInt32BE(at));
      out.push({ topic, partitions: partitions.sort((a, b) => a - b) });
    }
    return out;
  } catch {
    return [];
  }
}
