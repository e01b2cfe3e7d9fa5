// One group's history over a time range, read from the day files without decoding whole rounds: per
// round, the group's bucket block first (its committed offsets and members), then the blocks of its
// topics' partition buckets (their watermarks), each followed forward from the last keyframe before
// the range, only the group's own series decoded (series-follower.ts), 64 rounds read at once. What
// comes back is thinned to at most `maxPoints` rounds (the last round of each equal slice of the
// range), so a 7-day range answers in about 2,000 points whatever the resolution.
import 'server-only';
import type { DayFile, RoundEntry } from './day-file';
import { commitOf, groupKeys, partKeys } from './block-layout';
import type { FileDictionary } from './file-dictionary';
import { SeriesFollower } from './series-follower';
import { bucketOf } from './store-format';

export interface HistoryPartitionPoint {
  committed: bigint;
  logStart: bigint | null;
  logEnd: bigint | null;
}

export interface HistoryRound {
  at: number;
  members: number | null;
  /** By `topic NUL partition`. */
  partitions: Map<string, HistoryPartitionPoint>;
}

export const tpKeyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** Rounds read ahead at once: their reads are in flight together, then decoded in order. */
const READ_AHEAD = 64;

/** Each round's header and the wanted blocks, from `start` to `last`, in order. */
async function* roundsOf(file: DayFile, rounds: readonly RoundEntry[], start: number, last: number, wanted: readonly number[]) {
  for (let i = start; i <= last; i += READ_AHEAD) {
    const batch = rounds.slice(i, Math.min(last + 1, i + READ_AHEAD));
    const read = await file.runBlocks(batch, wanted);
    for (let j = 0; j < read.length; j++) yield { index: i + j, ...read[j]! };
  }
}

/** The rounds of `file` from `fromMs` to `toMs`, for one group. */
async function readFile(file: DayFile, dict: FileDictionary, group: string, fromMs: number, toMs: number, keep: ReadonlySet<number> | null): Promise<HistoryRound[]> {
  const gid = dict.groupId(group);
  if (gid === undefined) return [];
  const rounds = file.rounds.slice();
  const first = rounds.findIndex((r) => r.at >= fromMs);
  if (first < 0) return [];
  let last = rounds.length - 1;
  while (last >= first && rounds[last]!.at > toMs) last--;
  if (last < first) return [];
  let start = first;
  while (start > 0 && !rounds[start]!.keyframe) start--;
  const G = file.header.groupBuckets;
  const P = file.header.partitionBuckets;
  const gb = bucketOf(group, G);

  // Pass 1: the group's values in its bucket's block of each round.
  const own = `${gid}`;
  const prefix = `${gid}/`;
  const groupSeries = new SeriesFollower(groupKeys, (k) => k === own || k.startsWith(prefix));
  const out: HistoryRound[] = [];
  const wantedParts = new Set<string>();
  for await (const { index, header, blocks } of roundsOf(file, rounds, start, last, [gb])) {
    groupSeries.apply(blocks.get(gb)!, header.keyframe);
    if (index < first || (keep && !keep.has(header.at))) continue;
    const values = groupSeries.current();
    const members = values.get(own);
    if (members === undefined) continue;
    const partitions = new Map<string, HistoryPartitionPoint>();
    for (const [k, v] of values) {
      if (k === own) continue;
      const tp = k.slice(prefix.length);
      wantedParts.add(tp);
      // The stored value until the log end is known (pass 2): see storedCommit().
      partitions.set(tp, { committed: v, logStart: null, logEnd: null });
    }
    out.push({ at: header.at, members: members === 0n ? null : Number(members - 1n), partitions });
  }
  if (out.length === 0) return [];

  // Pass 2: the watermarks of those partitions, from their topics' buckets.
  const tids = new Set([...wantedParts].map((tp) => Number(tp.split('/')[0])));
  const buckets = [...new Set([...tids].map((t) => G + bucketOf(dict.topics[t]!, P)))];
  const followers = new Map(buckets.map((b) => [b, new SeriesFollower(partKeys, (k) => wantedParts.has(k.slice(0, -2)))]));
  let o = 0;
  for await (const { header, blocks } of roundsOf(file, rounds, start, last, buckets)) {
    for (const [b, f] of followers) f.apply(blocks.get(b)!, header.keyframe);
    if (o >= out.length || header.at !== out[o]!.at) continue;
    const row = out[o++]!;
    for (const f of followers.values()) {
      for (const [k, v] of f.current()) {
        const point = row.partitions.get(k.slice(0, -2));
        if (!point) continue;
        if (k.endsWith('/s')) point.logStart = v;
        else point.logEnd = v;
      }
    }
  }
  // Committed offsets back from their stored form, and keys by topic name from here on.
  for (const row of out) {
    row.partitions = new Map(
      [...row.partitions].map(([k, v]) => {
        const [tid, partition] = k.split('/').map(Number) as [number, number];
        return [tpKeyOf(dict.topics[tid]!, partition), { ...v, committed: commitOf(v.committed, v.logEnd) }];
      }),
    );
  }
  return out;
}

export async function readGroupHistory(
  files: readonly DayFile[],
  dictionaryOf: (f: DayFile) => Promise<FileDictionary>,
  group: string,
  fromMs: number,
  toMs: number,
  maxPoints: number,
): Promise<HistoryRound[]> {
  const inRange = files.filter((f) => f.firstAt !== undefined && f.lastAt !== undefined && f.lastAt >= fromMs && f.firstAt <= toMs);
  // Rounds are kept when they are the last of their slice. The rounds' times are in the files'
  // indexes, so which ones are kept is known before anything is decoded: every round in range is
  // still followed (values are deltas), but only the kept ones become points.
  const times = inRange.flatMap((f) => f.rounds.filter((r) => r.at >= fromMs && r.at <= toMs).map((r) => r.at)).sort((x, y) => x - y);
  const keep = times.length > maxPoints ? new Set(lastOfSlices(times, fromMs, toMs, maxPoints)) : null;
  const all: HistoryRound[] = [];
  for (const f of inRange) all.push(...(await readFile(f, await dictionaryOf(f), group, fromMs, toMs, keep)));
  all.sort((x, y) => x.at - y.at);
  return all.length <= maxPoints ? all : lastOfSlices(all, fromMs, toMs, maxPoints, (r) => r.at);
}

/** The items (sorted by time) that are the last of their slice when [fromMs, toMs] is cut into
 * `maxPoints` equal slices. */
function lastOfSlices<T>(sorted: readonly T[], fromMs: number, toMs: number, maxPoints: number, atOf: (x: T) => number = (x) => x as number): T[] {
  const slice = Math.max(1, (toMs - fromMs) / maxPoints);
  const sliceOf = (at: number) => Math.min(maxPoints - 1, Math.floor((at - fromMs) / slice));
  const out: T[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const next = i + 1 < sorted.length ? sliceOf(atOf(sorted[i + 1]!)) : Infinity;
    if (next !== sliceOf(atOf(sorted[i]!))) out.push(sorted[i]!);
  }
  return out;
}
