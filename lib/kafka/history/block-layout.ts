// What a block's values are, in order (each with a key, to carry it over a layout change), and how
// a committed offset is stored among them; shared by the encoder (round-encoder.ts) and the readers
// (round-decoder.ts, series-follower.ts).
import 'server-only';

/** A committed offset is stored as the lag, log end - committed, when the round has the partition's
 * log end: a consumer that keeps up moves its lag far less than its offset, so the deltas are
 * smaller (a fifth fewer bytes in bench/lag-store-cost.ts). Without a log end it is stored as
 * -committed (the lag against 0). */
export const storedCommit = (committed: bigint, logEnd: bigint | undefined): bigint => (logEnd ?? 0n) - committed;
export const commitOf = (stored: bigint, logEnd: bigint | null | undefined): bigint => (logEnd ?? 0n) - stored;

/** Log ends of one round by topic id and partition. */
export class LogEnds {
  private readonly byTopic: (bigint | undefined)[][] = [];
  set(tid: number, partition: number, logEnd: bigint): void {
    (this.byTopic[tid] ??= [])[partition] = logEnd;
  }
  get(tid: number, partition: number): bigint | undefined {
    return this.byTopic[tid]?.[partition];
  }
}

/** Keys of a group block's values, in their order: members of each group, then committed offsets. */
export function groupKeys(l: Int32Array): string[] {
  const members: string[] = [];
  const committed: string[] = [];
  let li = 1;
  for (let g = 0; g < l[0]!; g++) {
    const gid = l[li++]!;
    const n = l[li++]!;
    members.push(`${gid}`);
    for (let p = 0; p < n; p++, li += 2) committed.push(`${gid}/${l[li]}/${l[li + 1]}`);
  }
  return members.concat(committed);
}

/** Keys of a partition block's values, in their order: log starts, then log ends. */
export function partKeys(l: Int32Array): string[] {
  const starts: string[] = [];
  const ends: string[] = [];
  for (let i = 0; i < l[0]!; i++) {
    starts.push(`${l[1 + i * 2]}/${l[2 + i * 2]}/s`);
    ends.push(`${l[1 + i * 2]}/${l[2 + i * 2]}/e`);
  }
  return starts.concat(ends);
}
