// Follows a few series of one bucket through the rounds of a file, for reading one group's history:
// the block's layout is tracked whole (it says where each series sits), but only the wanted
// series' values are added up; the deltas of the others are passed over without making a bigint,
// and reading stops after the last wanted one. A bucket holds 1/64 of a round (about 1,500 series
// at 10,000 groups x 10 partitions), so a group's day (2,880 rounds) costs a few series per round
// instead of every series of its bucket.
import 'server-only';
import { openBlock } from './round-decoder';
import { DeltaReader } from './varint';

export class SeriesFollower {
  layout: Int32Array = new Int32Array([0]);
  /** Positions of the wanted values in the block's value order, ascending, and their keys and values. */
  private positions: number[] = [];
  private keys: string[] = [];
  private values: bigint[] = [];

  /** `keysOf`: the key of each value of a layout, in order (groupKeys or partKeys). */
  constructor(
    private readonly keysOf: (layout: Int32Array) => string[],
    private readonly wanted: (key: string) => boolean,
  ) {}

  apply(block: Uint8Array, keyframe: boolean): void {
    if (keyframe) {
      this.layout = new Int32Array([0]);
      this.positions = [];
      this.keys = [];
      this.values = [];
    }
    if (block.length === 0) return;
    const { layout, reader } = openBlock(block);
    if (layout) {
      const n = reader.uint();
      const next = new Int32Array(n);
      for (let i = 0; i < n; i++) next[i] = reader.uint();
      const old = new Map(this.keys.map((k, i) => [k, this.values[i]!]));
      this.positions = [];
      this.keys = [];
      this.keysOf(next).forEach((k, i) => {
        if (!this.wanted(k)) return;
        this.positions.push(i);
        this.keys.push(k);
      });
      this.values = this.keys.map((k) => old.get(k) ?? 0n);
      this.layout = next;
    }
    const deltas = new DeltaReader(reader);
    let at = 0;
    for (let j = 0; j < this.positions.length; j++) {
      const pos = this.positions[j]!;
      if (pos > at) deltas.skip(pos - at);
      this.values[j] = this.values[j]! + deltas.delta();
      at = pos + 1;
    }
  }

  /** The wanted values present in the current layout, by key. */
  current(): Map<string, bigint> {
    return new Map(this.keys.map((k, i) => [k, this.values[i]!]));
  }
}
