// Turns rounds into ROUND records (the layout is described in store-format.ts). The encoder keeps,
// per bucket, the layout and values of the previous round, so each round costs only what moved: a
// block whose layout and values did not change is written as nothing at all.
import 'server-only';
import { deflateRawSync } from 'node:zlib';
import { LogEnds, groupKeys, partKeys, storedCommit } from './block-layout';
import { FileDictionary } from './file-dictionary';
import { BLOCK_DEFLATED, BLOCK_LAYOUT, DEFLATE_MIN, ROUND_KEYFRAME, bucketOf } from './store-format';
import type { GroupSample, RoundSample } from './types';
import { ByteWriter, DeltaWriter } from './varint';

interface BucketState {
  layout: Int32Array;
  values: BigInt64Array;
  /** Key of each value, to carry values over a layout change. */
  keys: string[];
}

const EMPTY: BucketState = { layout: new Int32Array(0), values: new BigInt64Array(0), keys: [] };

const sameLayout = (a: Int32Array, b: Int32Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Writes the block of one bucket: layout when it changed, then the deltas. Returns its bytes
 * (empty when nothing changed). */
function encodeBlock(prev: BucketState, layout: Int32Array, values: BigInt64Array, keys: () => string[], keyframe: boolean): { block: Uint8Array; state: BucketState } {
  const changed = keyframe || !sameLayout(prev.layout, layout);
  let base: BigInt64Array | null = null;
  let keyList: string[] = prev.keys;
  if (changed) {
    keyList = keys();
    if (!keyframe && prev.values.length > 0) {
      const old = new Map<string, bigint>();
      prev.keys.forEach((k, i) => old.set(k, prev.values[i]!));
      base = new BigInt64Array(values.length);
      keyList.forEach((k, i) => (base![i] = old.get(k) ?? 0n));
    } else base = new BigInt64Array(values.length);
  } else base = prev.values;
  const state = { layout, values, keys: keyList };
  if (!changed) {
    let same = true;
    for (let i = 0; i < values.length; i++) {
      if (values[i] !== base[i]) {
        same = false;
        break;
      }
    }
    if (same) return { block: new Uint8Array(0), state };
  }
  if (keyframe && layout.length <= 1 && values.length === 0) return { block: new Uint8Array(0), state };
  const inner = new ByteWriter(64 + values.length * 2);
  if (changed) {
    inner.uint(layout.length);
    for (let i = 0; i < layout.length; i++) inner.uint(layout[i]!);
  }
  const deltas = new DeltaWriter(inner);
  for (let i = 0; i < values.length; i++) deltas.delta(values[i]! - base[i]!);
  deltas.flush();
  const raw = inner.view();
  const flags = changed ? BLOCK_LAYOUT : 0;
  if (raw.length >= DEFLATE_MIN) {
    const packed = deflateRawSync(raw, { level: 6 });
    if (packed.length < raw.length) return { block: withFlags(flags | BLOCK_DEFLATED, packed), state };
  }
  return { block: withFlags(flags, raw), state };
}

function withFlags(flags: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length + 1);
  out[0] = flags;
  out.set(body, 1);
  return out;
}

/** Encodes rounds for one file. */
export class RoundEncoder {
  private groupState: BucketState[];
  private partState: BucketState[];
  private readonly groupBucket: number[] = [];
  private readonly topicBucket: number[] = [];

  /** `dict`: the names a file already holds, when appending to it after a restart. */
  constructor(
    readonly groupBuckets: number,
    readonly partitionBuckets: number,
    readonly dict: FileDictionary = new FileDictionary(),
  ) {
    this.groupState = Array.from({ length: groupBuckets }, () => EMPTY);
    this.partState = Array.from({ length: partitionBuckets }, () => EMPTY);
  }

  private gid(name: string): number {
    const id = this.dict.group(name);
    if (this.groupBucket[id] === undefined) this.groupBucket[id] = bucketOf(name, this.groupBuckets);
    return id;
  }
  private tid(name: string): number {
    const id = this.dict.topic(name);
    if (this.topicBucket[id] === undefined) this.topicBucket[id] = bucketOf(name, this.partitionBuckets);
    return id;
  }

  /** The body of the ROUND record for `round` (read dict.takePending() after it for new names).
   * Works on indexes into the round's own arrays: no object per group or partition is made. */
  encode(round: RoundSample, keyframe: boolean): Uint8Array {
    const { groups, partitions } = round;
    const gids = new Int32Array(groups.length);
    const groupLists: number[][] = Array.from({ length: this.groupBuckets }, () => []);
    groups.forEach((g, i) => {
      const gid = this.gid(g.group);
      gids[i] = gid;
      groupLists[this.groupBucket[gid]!]!.push(i);
    });
    const tids = new Int32Array(partitions.length);
    const partLists: number[][] = Array.from({ length: this.partitionBuckets }, () => []);
    const ends = new LogEnds();
    partitions.forEach((p, i) => {
      const tid = this.tidOf(p.topic);
      tids[i] = tid;
      partLists[this.topicBucket[tid]!]!.push(i);
      ends.set(tid, p.partition, p.logEnd);
    });
    const blocks: Uint8Array[] = [];
    for (let b = 0; b < this.groupBuckets; b++) {
      const list = groupLists[b]!.sort((x, y) => gids[x]! - gids[y]!);
      let size = 1;
      let nValues = 0;
      for (const i of list) {
        size += 2 + groups[i]!.commits.length * 2;
        nValues += 1 + groups[i]!.commits.length;
      }
      const layout = new Int32Array(size);
      const values = new BigInt64Array(nValues);
      let li = 0;
      // Members of every group first, then every committed offset: each column has its own runs of zeros.
      let mi = 0;
      let vi = list.length;
      layout[li++] = list.length;
      for (const i of list) {
        const g = groups[i]!;
        layout[li++] = gids[i]!;
        layout[li++] = g.commits.length;
        values[mi++] = BigInt(g.members === null ? 0 : g.members + 1);
        for (const c of this.commitsInOrder(g)) {
          layout[li++] = this.tidOf(c.topic);
          layout[li++] = c.partition;
          values[vi++] = storedCommit(c.committed, ends.get(this.tidOf(c.topic), c.partition));
        }
      }
      const { block, state } = encodeBlock(this.groupState[b]!, layout, values, () => groupKeys(layout), keyframe);
      this.groupState[b] = state;
      blocks.push(block);
    }
    for (let b = 0; b < this.partitionBuckets; b++) {
      const list = partLists[b]!.sort((x, y) => tids[x]! - tids[y]! || partitions[x]!.partition - partitions[y]!.partition);
      const layout = new Int32Array(1 + list.length * 2);
      const values = new BigInt64Array(list.length * 2);
      layout[0] = list.length;
      // Log starts first (they move rarely: one run of zeros), then log ends.
      list.forEach((i, n) => {
        const p = partitions[i]!;
        layout[1 + n * 2] = tids[i]!;
        layout[2 + n * 2] = p.partition;
        values[n] = p.logStart;
        values[list.length + n] = p.logEnd;
      });
      const { block, state } = encodeBlock(this.partState[b]!, layout, values, () => partKeys(layout), keyframe);
      this.partState[b] = state;
      blocks.push(block);
    }
    const w = new ByteWriter(256 + blocks.reduce((n, b) => n + b.length, 0));
    w.uint(round.at);
    w.byte(keyframe ? ROUND_KEYFRAME : 0);
    for (const b of blocks) w.uint(b.length);
    for (const b of blocks) w.bytes(b);
    return w.view();
  }

  /** A group's commits by topic id and partition (as they usually come: then no copy is made). */
  private commitsInOrder(g: GroupSample): readonly GroupSample['commits'][number][] {
    const c = g.commits;
    let a = -1;
    for (let i = 0; i < c.length; i++) {
      const b = this.tidOf(c[i]!.topic);
      if (i > 0 && (a > b || (a === b && c[i - 1]!.partition > c[i]!.partition))) {
        return [...c].sort((x, y) => this.tidOf(x.topic) - this.tidOf(y.topic) || x.partition - y.partition);
      }
      a = b;
    }
    return c;
  }

  /** tid() remembering the last topic: a group's commits come topic by topic. */
  private lastTopic: string | null = null;
  private lastTid = -1;
  private tidOf(topic: string): number {
    if (topic !== this.lastTopic) {
      this.lastTid = this.tid(topic);
      this.lastTopic = topic;
    }
    return this.lastTid;
  }
}
