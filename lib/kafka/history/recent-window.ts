// The last few rounds of every group in memory: what the verdicts judge after each round, what
// /metrics shows, and what the offset-to-time tables (offset-times.ts) learn from. At 10,000 groups x
// 10 partitions a round is 100,000 committed offsets and up to 100,000 pairs of watermarks, so values
// live in shared typed arrays indexed by series x slot (a ring of `size` rounds), not in objects per
// sample: a few tens of MB instead of hundreds. A series, group or partition not seen for a whole
// ring is forgotten and its index reused.
import 'server-only';
import { OffsetTimes } from './offset-times';
import type { RoundSample } from './types';

const ABSENT = -1n;
const NO_GROUP = -2;

export interface WindowPoint {
  t: number;
  committed: bigint | null;
  logStart: bigint | null;
  logEnd: bigint | null;
}

export interface WindowSeries {
  topic: string;
  partition: number;
  points: WindowPoint[];
  /** Index of the partition (for lag in seconds). */
  p: number;
}

interface GroupRow {
  name: string;
  idx: number;
  /** Topic -> partition number -> series index. */
  series: Map<string, (number | undefined)[]>;
  /** Series indexes sorted by topic and partition. */
  ordered: number[];
  lastSeen: number;
}

/** A pool of indexes with typed-array columns that grow together. */
class Pool {
  capacity = 0;
  private next = 0;
  private readonly free: number[] = [];
  readonly lastSeen: number[] = [];

  take(grow: (capacity: number) => void): number {
    const i = this.free.pop() ?? this.next++;
    if (i >= this.capacity) {
      this.capacity = Math.max(1024, this.capacity * 2);
      grow(this.capacity);
    }
    return i;
  }

  release(i: number): void {
    this.free.push(i);
  }
}

function grown<T extends BigInt64Array | Int32Array>(a: T, n: number, make: (n: number) => T, fill: number | bigint): T {
  const next = make(n);
  next.fill(fill as never);
  next.set(a as never);
  return next;
}

export class RecentWindow {
  /** Rounds ingested so far. */
  private rounds = 0;
  private readonly times: Float64Array;
  private readonly groupRows = new Map<string, GroupRow>();
  private readonly groupPool = new Pool();
  private members = new Int32Array(0);
  private readonly seriesPool = new Pool();
  private committed = new BigInt64Array(0);
  private seriesPart = new Int32Array(0);
  private readonly partPool = new Pool();
  /** Topic -> partition number -> partition index. */
  private readonly parts = new Map<string, (number | undefined)[]>();
  private readonly partNames: { topic: string; partition: number }[] = [];
  private logStart = new BigInt64Array(0);
  private logEnd = new BigInt64Array(0);
  readonly offsetTimes = new OffsetTimes();

  constructor(readonly size: number) {
    this.times = new Float64Array(size);
  }

  get count(): number {
    return this.rounds;
  }

  private slot(round: number): number {
    return round % this.size;
  }

  private partIndex(topic: string, partition: number): number {
    // By topic, then by partition number: no string is built per partition per round.
    let byPartition = this.parts.get(topic);
    if (!byPartition) this.parts.set(topic, (byPartition = []));
    let p = byPartition[partition];
    if (p === undefined) {
      p = this.partPool.take((cap) => {
        this.logStart = grown(this.logStart, cap * this.size, (n) => new BigInt64Array(n), ABSENT);
        this.logEnd = grown(this.logEnd, cap * this.size, (n) => new BigInt64Array(n), ABSENT);
        this.offsetTimes.ensure(cap);
      });
      byPartition[partition] = p;
      this.partNames[p] = { topic, partition };
      this.logStart.fill(ABSENT, p * this.size, (p + 1) * this.size);
      this.logEnd.fill(ABSENT, p * this.size, (p + 1) * this.size);
      this.offsetTimes.clear(p);
    }
    return p;
  }

  /** Feeds one partition's log end to the offset-to-time tables only (replay at start-up). */
  learn(at: number, topic: string, partition: number, logEnd: bigint): void {
    this.offsetTimes.observe(this.partIndex(topic, partition), at, logEnd);
  }

  /** Adds a round. */
  ingest(round: RoundSample): void {
    const r = this.rounds;
    const k = this.slot(r);
    const W = this.size;
    this.times[k] = round.at;
    // This slot held the round `size` ago: clear it for every live index.
    for (let i = k; i < this.members.length; i += W) this.members[i] = NO_GROUP;
    for (let i = k; i < this.committed.length; i += W) this.committed[i] = ABSENT;
    for (let i = k; i < this.logEnd.length; i += W) {
      this.logEnd[i] = ABSENT;
      this.logStart[i] = ABSENT;
    }
    for (const s of round.partitions) {
      const p = this.partIndex(s.topic, s.partition);
      this.logStart[p * W + k] = s.logStart;
      this.logEnd[p * W + k] = s.logEnd;
      this.partPool.lastSeen[p] = r;
      this.offsetTimes.observe(p, round.at, s.logEnd);
    }
    for (const g of round.groups) {
      let row = this.groupRows.get(g.group);
      if (!row) {
        const idx = this.groupPool.take((cap) => {
          this.members = grown(this.members, cap * W, (n) => new Int32Array(n), NO_GROUP);
        });
        this.members.fill(NO_GROUP, idx * W, (idx + 1) * W);
        row = { name: g.group, idx, series: new Map(), ordered: [], lastSeen: r };
        this.groupRows.set(g.group, row);
      }
      row.lastSeen = r;
      this.members[row.idx * W + k] = g.members ?? -1;
      let added = false;
      for (const c of g.commits) {
        let byPartition = row.series.get(c.topic);
        if (!byPartition) row.series.set(c.topic, (byPartition = []));
        let s = byPartition[c.partition];
        if (s === undefined) {
          s = this.seriesPool.take((cap) => {
            this.committed = grown(this.committed, cap * W, (n) => new BigInt64Array(n), ABSENT);
            this.seriesPart = grown(this.seriesPart, cap, (n) => new Int32Array(n), -1);
          });
          this.committed.fill(ABSENT, s * W, (s + 1) * W);
          this.seriesPart[s] = this.partIndex(c.topic, c.partition);
          byPartition[c.partition] = s;
          row.ordered.push(s);
          added = true;
        }
        this.committed[s * W + k] = c.committed;
        this.seriesPool.lastSeen[s] = r;
      }
      if (added) row.ordered.sort((a, b) => this.compareSeries(a, b));
    }
    this.rounds++;
    if (this.rounds % W === 0) this.sweep();
  }

  private compareSeries(a: number, b: number): number {
    const x = this.partNames[this.seriesPart[a]!]!;
    const y = this.partNames[this.seriesPart[b]!]!;
    return x.topic < y.topic ? -1 : x.topic > y.topic ? 1 : x.partition - y.partition;
  }

  /** Forgets what no round of the ring has seen. */
  private sweep(): void {
    const oldest = this.rounds - this.size;
    const livePart = new Set<number>();
    for (const [name, row] of this.groupRows) {
      const gone = row.lastSeen < oldest;
      const kept = row.ordered.filter((s) => {
        if (!gone && (this.seriesPool.lastSeen[s] ?? -1) >= oldest) {
          livePart.add(this.seriesPart[s]!);
          return true;
        }
        const n = this.partNames[this.seriesPart[s]!]!;
        const byPartition = row.series.get(n.topic)!;
        byPartition[n.partition] = undefined;
        if (byPartition.every((x) => x === undefined)) row.series.delete(n.topic);
        this.seriesPool.release(s);
        return false;
      });
      if (kept.length !== row.ordered.length) row.ordered = kept;
      if (gone) {
        this.groupRows.delete(name);
        this.groupPool.release(row.idx);
      }
    }
    for (const [topic, byPartition] of this.parts) {
      byPartition.forEach((p, partition) => {
        if (p === undefined || (this.partPool.lastSeen[p] ?? -1) >= oldest || livePart.has(p)) return;
        byPartition[partition] = undefined;
        this.partPool.release(p);
      });
      if (byPartition.every((x) => x === undefined)) this.parts.delete(topic);
    }
  }

  /** Rounds of the ring, oldest first, as (round number, slot). */
  private ringRounds(): number[] {
    const out: number[] = [];
    for (let r = Math.max(0, this.rounds - this.size); r < this.rounds; r++) out.push(r);
    return out;
  }

  get latestAt(): number | null {
    return this.rounds === 0 ? null : this.times[this.slot(this.rounds - 1)]!;
  }

  groupNames(): IterableIterator<string> {
    return this.groupRows.keys();
  }

  hasGroup(group: string): boolean {
    return this.groupRows.has(group);
  }

  /** Members in the latest round: null when unknown or when the group was not in it. */
  membersOf(group: string): number | null {
    const row = this.groupRows.get(group);
    if (!row || this.rounds === 0) return null;
    const m = this.members[row.idx * this.size + this.slot(this.rounds - 1)]!;
    return m < 0 ? null : m;
  }

  /** Whether the group was in the latest round. */
  inLatest(group: string): boolean {
    const row = this.groupRows.get(group);
    return !!row && row.lastSeen === this.rounds - 1;
  }

  /** The group's partitions with their points over the ring, oldest first. */
  seriesOf(group: string): WindowSeries[] {
    const row = this.groupRows.get(group);
    if (!row) return [];
    const W = this.size;
    const rounds = this.ringRounds();
    return row.ordered.map((s) => {
      const p = this.seriesPart[s]!;
      const name = this.partNames[p]!;
      const points: WindowPoint[] = [];
      for (const r of rounds) {
        if (r > row.lastSeen) break;
        const k = this.slot(r);
        const c = this.committed[s * W + k]!;
        const e = this.logEnd[p * W + k]!;
        points.push({ t: this.times[k]!, committed: c === ABSENT ? null : c, logStart: e === ABSENT ? null : this.logStart[p * W + k]!, logEnd: e === ABSENT ? null : e });
      }
      return { topic: name.topic, partition: name.partition, points, p };
    });
  }

  /** The latest round's watermarks of every partition in it. */
  *latestPartitions(): Generator<{ topic: string; partition: number; logStart: bigint; logEnd: bigint }> {
    if (this.rounds === 0) return;
    const k = this.slot(this.rounds - 1);
    for (const byPartition of this.parts.values()) {
      for (const p of byPartition) {
        if (p === undefined) continue;
        const e = this.logEnd[p * this.size + k]!;
        if (e === ABSENT) continue;
        const n = this.partNames[p]!;
        yield { topic: n.topic, partition: n.partition, logStart: this.logStart[p * this.size + k]!, logEnd: e };
      }
    }
  }

  /** The latest round's committed offsets of a group, with the partition's watermarks when known. */
  *latestCommits(group: string): Generator<{ topic: string; partition: number; committed: bigint; logEnd: bigint | null; p: number }> {
    const row = this.groupRows.get(group);
    if (!row || row.lastSeen !== this.rounds - 1) return;
    const W = this.size;
    const k = this.slot(this.rounds - 1);
    for (const s of row.ordered) {
      const c = this.committed[s * W + k]!;
      if (c === ABSENT) continue;
      const p = this.seriesPart[s]!;
      const e = this.logEnd[p * W + k]!;
      const n = this.partNames[p]!;
      yield { topic: n.topic, partition: n.partition, committed: c, logEnd: e === ABSENT ? null : e, p };
    }
  }

  lagSeconds(p: number, committed: bigint, logEnd: bigint): number | null {
    return this.offsetTimes.lagSeconds(p, committed, logEnd);
  }

  /** Bytes held in typed arrays (for the cost measurement; maps and names come on top). */
  get bytes(): number {
    return this.members.byteLength + this.committed.byteLength + this.seriesPart.byteLength + this.logStart.byteLength + this.logEnd.byteLength + this.offsetTimes.bytes;
  }
}
