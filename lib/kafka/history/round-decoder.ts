// Reads ROUND records back (the layout is described in store-format.ts): the decoders keep, per
// bucket, the same layout and values as the encoder did, reading forward from a keyframe.
import 'server-only';
import { inflateRawSync } from 'node:zlib';
import { LogEnds, commitOf, groupKeys, partKeys } from './block-layout';
import type { FileDictionary } from './file-dictionary';
import { BLOCK_DEFLATED, BLOCK_LAYOUT, ROUND_KEYFRAME } from './store-format';
import type { GroupSample, PartitionSample, RoundSample } from './types';
import { ByteReader, DeltaReader } from './varint';

/** The start of a ROUND record: its time, whether it is a keyframe, where each block lies. */
export interface RoundHeader {
  at: number;
  keyframe: boolean;
  /** Offset of each block from the start of the body, group buckets then partition buckets, and its length. */
  offsets: number[];
  lengths: number[];
}

export function readRoundHeader(body: Uint8Array, buckets: number): RoundHeader {
  const r = new ByteReader(body);
  const at = r.uint();
  const keyframe = (r.byte() & ROUND_KEYFRAME) !== 0;
  const lengths: number[] = [];
  for (let i = 0; i < buckets; i++) lengths.push(r.uint());
  const offsets: number[] = [];
  let pos = r.pos;
  for (const n of lengths) {
    offsets.push(pos);
    pos += n;
  }
  return { at, keyframe, offsets, lengths };
}

/** The inner bytes of a block and whether a layout comes first. */
export function openBlock(block: Uint8Array): { layout: boolean; reader: ByteReader } {
  const flags = block[0]!;
  const body = block.subarray(1);
  return { layout: (flags & BLOCK_LAYOUT) !== 0, reader: new ByteReader(flags & BLOCK_DEFLATED ? inflateRawSync(body) : body) };
}

export interface DecodedGroup {
  gid: number;
  /** Members + 1, 0 = unknown. */
  membersCode: bigint;
  /** `stored`: the committed offset as storedCommit() wrote it (commitOf() with the log end gives it back). */
  parts: { tid: number; partition: number; stored: bigint }[];
}

const SAFE = 2 ** 53 - 1;

/** The values of a decoded block: Numbers while every value and delta is exactly representable
 * (offsets below 2^53, which is every Kafka cluster in practice), bigints from the first one that
 * is not. Following a day of rounds to downsample it adds up 300,000 deltas a round, and bigint
 * arithmetic made that 100 s at 10,000 groups. */
export class DecodedValues {
  private nums: Float64Array | null = new Float64Array(0);
  private bigs: bigint[] | null = null;

  get length(): number {
    return this.nums ? this.nums.length : this.bigs!.length;
  }

  get(i: number): bigint {
    return this.nums ? BigInt(this.nums[i]!) : this.bigs![i]!;
  }

  all(): bigint[] {
    return Array.from({ length: this.length }, (_, i) => this.get(i));
  }

  /** Replaces the values (a layout change carried them over, or a keyframe reset them). */
  set(values: bigint[]): void {
    if (values.every((v) => v <= BigInt(SAFE) && v >= -BigInt(SAFE))) {
      this.nums = Float64Array.from(values, (v) => Number(v));
      this.bigs = null;
    } else {
      this.nums = null;
      this.bigs = values;
    }
  }

  private toBig(): void {
    this.bigs = Array.from(this.nums!, (v) => BigInt(v));
    this.nums = null;
  }

  addDeltas(deltas: DeltaReader): void {
    const n = this.length;
    let i = 0;
    if (this.nums) {
      const nums = this.nums;
      for (; i < n; i++) {
        const d = deltas.deltaNumber();
        if (d === null) break;
        const v = nums[i]! + d;
        if (v > SAFE || v < -SAFE) {
          // Exact still: nums[i] and d are; only their sum is not. From here on, bigint.
          this.toBig();
          this.bigs![i] = this.bigs![i]! + BigInt(d);
          i++;
          break;
        }
        nums[i] = v;
      }
      if (this.nums) {
        if (i === n) return;
        this.toBig();
      }
    }
    const bigs = this.bigs!;
    for (; i < n; i++) bigs[i] = bigs[i]! + deltas.delta();
  }
}

/** Follows one group bucket from a keyframe on. */
export class GroupBucketDecoder {
  layout: Int32Array = new Int32Array([0]);
  readonly values = new DecodedValues();

  apply(block: Uint8Array, keyframe: boolean): void {
    if (keyframe) {
      this.layout = new Int32Array([0]);
      this.values.set([]);
    }
    if (block.length === 0) return;
    const { layout, reader } = openBlock(block);
    if (layout) {
      const n = reader.uint();
      const next = new Int32Array(n);
      for (let i = 0; i < n; i++) next[i] = reader.uint();
      this.values.set(carryOver(groupKeys(this.layout), this.values.all(), groupKeys(next)));
      this.layout = next;
    }
    this.values.addDeltas(new DeltaReader(reader));
  }

  groups(): DecodedGroup[] {
    const out: DecodedGroup[] = [];
    const l = this.layout;
    let li = 1;
    let vi = l[0]!;
    for (let g = 0; g < l[0]!; g++) {
      const gid = l[li++]!;
      const n = l[li++]!;
      const entry: DecodedGroup = { gid, membersCode: this.values.get(g), parts: [] };
      for (let p = 0; p < n; p++) entry.parts.push({ tid: l[li++]!, partition: l[li++]!, stored: this.values.get(vi++) });
      out.push(entry);
    }
    return out;
  }
}

/** Follows one partition bucket from a keyframe on. */
export class PartitionBucketDecoder {
  layout: Int32Array = new Int32Array([0]);
  readonly values = new DecodedValues();

  apply(block: Uint8Array, keyframe: boolean): void {
    if (keyframe) {
      this.layout = new Int32Array([0]);
      this.values.set([]);
    }
    if (block.length === 0) return;
    const { layout, reader } = openBlock(block);
    if (layout) {
      const n = reader.uint();
      const next = new Int32Array(n);
      for (let i = 0; i < n; i++) next[i] = reader.uint();
      this.values.set(carryOver(partKeys(this.layout), this.values.all(), partKeys(next)));
      this.layout = next;
    }
    this.values.addDeltas(new DeltaReader(reader));
  }

  partitions(): { tid: number; partition: number; logStart: bigint; logEnd: bigint }[] {
    const out = [];
    for (let i = 0; i < this.layout[0]!; i++) {
      out.push({ tid: this.layout[1 + i * 2]!, partition: this.layout[2 + i * 2]!, logStart: this.values.get(i), logEnd: this.values.get(this.layout[0]! + i) });
    }
    return out;
  }
}

/** Values of the old layout moved to their place in the new one (0 for new series). */
function carryOver(oldKeys: string[], oldValues: bigint[], newKeys: string[]): bigint[] {
  if (oldValues.length === 0) return newKeys.map(() => 0n);
  const old = new Map<string, bigint>();
  oldKeys.forEach((k, i) => old.set(k, oldValues[i]!));
  return newKeys.map((k) => old.get(k) ?? 0n);
}

/** Decodes whole rounds of one file (downsampling, replay at start-up). */
export class RoundDecoder {
  private readonly groups: GroupBucketDecoder[];
  private readonly parts: PartitionBucketDecoder[];

  constructor(
    private readonly dict: FileDictionary,
    private readonly groupBuckets: number,
    partitionBuckets: number,
  ) {
    this.groups = Array.from({ length: groupBuckets }, () => new GroupBucketDecoder());
    this.parts = Array.from({ length: partitionBuckets }, () => new PartitionBucketDecoder());
  }

  /** Follows a round without building it (a round that downsampling drops); `logEnd`, when given,
   * hears every partition's log end (rebuilding the offset-to-time tables at start-up). */
  skip(body: Uint8Array, logEnd?: (at: number, topic: string, partition: number, logEnd: bigint) => void): void {
    const h = readRoundHeader(body, this.groupBuckets + this.parts.length);
    const block = (i: number) => body.subarray(h.offsets[i]!, h.offsets[i]! + h.lengths[i]!);
    this.groups.forEach((d, b) => d.apply(block(b), h.keyframe));
    this.parts.forEach((d, b) => {
      d.apply(block(this.groupBuckets + b), h.keyframe);
      if (!logEnd) return;
      const n = d.layout[0]!;
      for (let i = 0; i < n; i++) logEnd(h.at, this.dict.topics[d.layout[1 + i * 2]!]!, d.layout[2 + i * 2]!, d.values.get(n + i));
    });
  }

  decode(body: Uint8Array): RoundSample {
    const h = readRoundHeader(body, this.groupBuckets + this.parts.length);
    const block = (i: number) => body.subarray(h.offsets[i]!, h.offsets[i]! + h.lengths[i]!);
    const groups: GroupSample[] = [];
    const partitions: PartitionSample[] = [];
    const ends = new LogEnds();
    this.parts.forEach((d, b) => {
      d.apply(block(this.groupBuckets + b), h.keyframe);
      for (const p of d.partitions()) {
        ends.set(p.tid, p.partition, p.logEnd);
        partitions.push({ topic: this.dict.topics[p.tid]!, partition: p.partition, logStart: p.logStart, logEnd: p.logEnd });
      }
    });
    this.groups.forEach((d, b) => {
      d.apply(block(b), h.keyframe);
      for (const g of d.groups()) {
        groups.push({
          group: this.dict.groups[g.gid]!,
          members: g.membersCode === 0n ? null : Number(g.membersCode - 1n),
          commits: g.parts.map((p) => ({ topic: this.dict.topics[p.tid]!, partition: p.partition, committed: commitOf(p.stored, ends.get(p.tid, p.partition)) })),
        });
      }
    });
    return { at: h.at, groups, partitions };
  }
}
