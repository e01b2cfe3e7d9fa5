// The group index's committed offsets, packed into a few typed arrays: one object and one bigint per
// commit made the index the largest thing the console kept (10,000 groups on 13 partitions each
// were 130,000 objects and 130,000 bigints, ~11 MB, copied by every young-generation collection
// while a build ran). Packed, the same commits are ~2 MB, offsets stay exact 64-bit integers
// (BigInt64Array), and an answer can be compared with what the index holds without building
// anything. Groups are kept in code-unit order of their ids, so a group is found by binary search.
import 'server-only';
import type { Committed, KnownCommits } from './groups-data';

export interface PackedCommits {
  /** Group ids, sorted (code-unit order, as the listing). */
  ids: string[];
  /** The commits of group i are at [start[i], start[i + 1]). */
  start: Int32Array;
  /** Per commit: its topic (an index into `topics`), partition and offset. */
  topicOf: Int32Array;
  partition: Int32Array;
  offset: BigInt64Array;
  topics: string[];
}

export const EMPTY_COMMITS: PackedCommits = pack([]);

/** Packs groups given in any order; each group's commits keep their order. */
export function pack(groups: { id: string; commits: readonly Committed[] }[]): PackedCommits {
  const sorted = [...groups].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let n = 0;
  for (const g of sorted) n += g.commits.length;
  const start = new Int32Array(sorted.length + 1);
  const topicOf = new Int32Array(n);
  const partition = new Int32Array(n);
  const offset = new BigInt64Array(n);
  const topics: string[] = [];
  const topicIds = new Map<string, number>();
  let j = 0;
  sorted.forEach((g, i) => {
    start[i] = j;
    for (const c of g.commits) {
      let t = topicIds.get(c.topic);
      if (t === undefined) {
        topicIds.set(c.topic, (t = topics.length));
        topics.push(c.topic);
      }
      topicOf[j] = t;
      partition[j] = c.partition;
      offset[j] = c.offset;
      j++;
    }
  });
  start[sorted.length] = j;
  return { ids: sorted.map((g) => g.id), start, topicOf, partition, offset, topics };
}

/** The position of group `id`, or -1. */
export function positionOf(p: PackedCommits, id: string): number {
  let lo = 0;
  let hi = p.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = p.ids[mid]!;
    if (x === id) return mid;
    if (x < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The commits of the group at `pos`, as objects (for the few groups a page shows). */
export function commitsAt(p: PackedCommits, pos: number): Committed[] {
  const out: Committed[] = [];
  for (let j = p.start[pos]!; j < p.start[pos + 1]!; j++) out.push({ topic: p.topics[p.topicOf[j]!]!, partition: p.partition[j]!, offset: p.offset[j]! });
  return out;
}

/** The commits of group `id` ([] when it has none). */
export function commitsOf(p: PackedCommits, id: string): Committed[] {
  const pos = positionOf(p, id);
  return pos < 0 ? [] : commitsAt(p, pos);
}

/** The commits of the group at `pos`, for comparing an answer with in place (groups-data.ts). */
export function knownAt(p: PackedCommits, pos: number): KnownCommits {
  const first = p.start[pos]!;
  return {
    count: p.start[pos + 1]! - first,
    matches: (i, topic, partition, offset) => p.partition[first + i] === partition && p.offset[first + i] === offset && p.topics[p.topicOf[first + i]!] === topic,
  };
}

/** Every group with its commits, as objects (a rare rebuild after a change). */
export function unpack(p: PackedCommits): { id: string; commits: Committed[] }[] {
  return p.ids.map((id, pos) => ({ id, commits: commitsAt(p, pos) }));
}
