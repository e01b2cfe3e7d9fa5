// Metadata answers (v0-v6, every version kafkajs negotiates) read by hand, each topic's partitions
// only when someone reads them. At 50,000 topics × 4 partitions, kafkajs' decoder built 200,000
// partition objects and 400,000 replica arrays, and metadata.ts another 200,000 of its own, on
// every refresh: most of a cold topic page, which shows 25 topics and needs only every topic's name
// to sort, filter and count. Here the answer is walked once (names read, partitions skipped), and a
// topic's partitions are decoded from its own bytes on first use, in exactly the shape kafkajs'
// decoder returns (RawMetadata, same fields per version), so everything that reads a Cluster's
// metadata is unchanged. metadata.ts compares those bytes to see that a topic did not change.
// Field layouts from Kafka's MetadataResponse.json: v1 adds the rack, the controller id and
// is_internal; v2 the cluster id; v3 the throttle time first; v5 the offline replicas; v4 and v6
// are their predecessors on the wire.
import 'server-only';
import type { RawMetadata, RawPartitionMetadata } from './kafkajs-types';

export const METADATA_MAX_VERSION = 6;

type RawTopic = RawMetadata['topicMetadata'][number];

/** A topic of a hand-read answer, its partitions decoded when first read. One object per topic,
 * whatever is read of it: at 50,000 topics, a closure, a getter and a subarray per topic were most
 * of a cold answer's garbage-collection time. The partition array (count included) is a range of
 * the answer's buffer, made into a Buffer only when asked for. */
class HandReadTopic implements RawTopic {
  readonly #raw: Buffer;
  readonly #start: number;
  readonly #end: number;
  #decoded: RawPartitionMetadata[] | null = null;
  constructor(
    /** The version the partitions were written in (v5+ carry offline replicas). */
    readonly partitionVersion: number,
    readonly topicErrorCode: number,
    readonly topic: string,
    readonly isInternal: boolean | undefined,
    raw: Buffer,
    start: number,
    end: number,
  ) {
    this.#raw = raw;
    this.#start = start;
    this.#end = end;
  }
  get partitionBytes(): Buffer {
    return this.#raw.subarray(this.#start, this.#end);
  }
  get partitionMetadata(): RawPartitionMetadata[] {
    return (this.#decoded ??= readPartitions(this.partitionVersion, this.partitionBytes));
  }
  /** Each partition's leader by partition number (-1 for a gap), walked in place. */
  leaders(): Int32Array {
    const b = this.#raw;
    const n = Math.max(b.readInt32BE(this.#start), 0);
    // Partition ids are 0..n-1 in practice; a larger id grows the array.
    let out = new Int32Array(n).fill(-1);
    let at = this.#start + 4;
    for (let j = 0; j < n; j++) {
      const id = b.readInt32BE(at + 2);
      if (id >= out.length) {
        const grown = new Int32Array(id + 1).fill(-1);
        grown.set(out);
        out = grown;
      }
      if (id >= 0) out[id] = b.readInt32BE(at + 6);
      at = skipPartition(this.partitionVersion, b, at);
    }
    return out;
  }
  /** Whether `other`'s partition bytes are the same as this topic's (compared in place). */
  samePartitionBytes(other: Buffer | HandReadTopic): boolean {
    if (other instanceof HandReadTopic) return this.#raw.compare(other.#raw, other.#start, other.#end, this.#start, this.#end) === 0;
    return this.#raw.compare(other, 0, other.length, this.#start, this.#end) === 0;
  }
}

export const isHandRead = (t: RawTopic): boolean => t instanceof HandReadTopic;
export const partitionBytesOf = (t: RawTopic): Buffer | null => (t instanceof HandReadTopic ? t.partitionBytes : null);

/** Whether hand-read topic `t`'s partitions are, byte for byte, `before` (a hand-read topic or a
 * copy of one's bytes); null when `t` was not read by hand. Nothing is copied or decoded. */
export function samePartitionBytes(t: RawTopic, before: Buffer | RawTopic): boolean | null {
  if (!(t instanceof HandReadTopic)) return null;
  if (Buffer.isBuffer(before)) return t.samePartitionBytes(before);
  return before instanceof HandReadTopic ? t.samePartitionBytes(before) : null;
}

function readPartitions(version: number, b: Buffer): RawPartitionMetadata[] {
  let at = 4;
  const ints = (): number[] => {
    const n = b.readInt32BE(at);
    at += 4;
    const out = new Array<number>(Math.max(n, 0));
    for (let i = 0; i < n; i++, at += 4) out[i] = b.readInt32BE(at);
    return out;
  };
  const n = b.readInt32BE(0);
  const out = new Array<RawPartitionMetadata>(Math.max(n, 0));
  for (let j = 0; j < n; j++) {
    const partitionErrorCode = b.readInt16BE(at);
    const partitionId = b.readInt32BE(at + 2);
    const leader = b.readInt32BE(at + 6);
    at += 10;
    const replicas = ints();
    const isr = ints();
    out[j] = version >= 5 ? { partitionErrorCode, partitionId, leader, replicas, isr, offlineReplicas: ints() } : { partitionErrorCode, partitionId, leader, replicas, isr };
  }
  return out;
}

/** Each partition's leader by partition number (-1 for a gap), read straight from the bytes when
 * the topic was read by hand (no partition objects): what watermarks need of 10,000 topics. */
export function leadersOf(t: RawTopic): Int32Array {
  if (t instanceof HandReadTopic) return t.leaders();
  const parts = t.partitionMetadata;
  const out = new Int32Array(parts.reduce((m, p) => Math.max(m, p.partitionId + 1), 0)).fill(-1);
  for (const p of parts) out[p.partitionId] = p.leader ?? -1;
  return out;
}

/** Where the partition starting at `at` ends: error, id and leader (10 bytes), then the replica,
 * ISR and (v5+) offline-replica id arrays. */
function skipPartition(version: number, raw: Buffer, at: number): number {
  at += 10;
  for (let l = version >= 5 ? 3 : 2; l > 0; l--) at += 4 + 4 * Math.max(raw.readInt32BE(at), 0);
  return at;
}

/** Where the partition array starting at `at` ends (nothing read into objects). */
function skipPartitions(version: number, raw: Buffer, at: number): number {
  let n = raw.readInt32BE(at);
  at += 4;
  for (; n > 0; n--) at = skipPartition(version, raw, at);
  return at;
}

export function decodeMetadata(version: number, raw: Buffer): RawMetadata & { throttleTime?: number; clientSideThrottleTime?: number } {
  let at = 0;
  const i16 = () => ((at += 2), raw.readInt16BE(at - 2));
  const i32 = () => ((at += 4), raw.readInt32BE(at - 4));
  const str = (): string | null => {
    const len = i16();
    if (len < 0) return null;
    return raw.toString('utf8', at, (at += len));
  };
  const out: RawMetadata & { throttleTime?: number; clientSideThrottleTime?: number } = { brokers: [], topicMetadata: [] };
  if (version >= 3) out.throttleTime = i32();
  // From v6 the broker throttles after answering and the client is to wait (KIP-219): kafkajs
  // reports it this way and delays its next requests by it.
  if (version >= 6) [out.throttleTime, out.clientSideThrottleTime] = [0, out.throttleTime];
  const nb = i32();
  for (let i = 0; i < nb; i++) {
    const nodeId = i32();
    const host = str()!;
    const port = i32();
    out.brokers.push(version >= 1 ? { nodeId, host, port, rack: str() } : { nodeId, host, port });
  }
  if (version >= 2) out.clusterId = str();
  if (version >= 1) out.controllerId = i32();
  const nt = i32();
  const topics: RawTopic[] = new Array(Math.max(nt, 0));
  for (let i = 0; i < nt; i++) {
    const topicErrorCode = i16();
    const topic = str()!;
    const isInternal = version >= 1 ? raw.readInt8(at++) === 1 : undefined;
    const start = at;
    at = skipPartitions(version, raw, at);
    topics[i] = new HandReadTopic(version, topicErrorCode, topic, isInternal, raw, start, at);
  }
  out.topicMetadata = topics;
  return out;
}
