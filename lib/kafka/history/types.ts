// What one round of the lag sampler saw, in the shape the store, the verdicts and the metrics share.
// Log start and end are per partition (every group on it sees the same), committed offsets per group
// and partition; a partition's watermarks are absent when its leader did not answer. Offsets are
// 64-bit: bigint, never Number.
import 'server-only';

export interface PartitionSample {
  topic: string;
  partition: number;
  logStart: bigint;
  logEnd: bigint;
}

export interface CommitSample {
  topic: string;
  partition: number;
  committed: bigint;
}

export interface GroupSample {
  group: string;
  /** Members of the group at the time of the round; null when the coordinator did not say. */
  members: number | null;
  /** The partitions on which the group has a committed offset. */
  commits: CommitSample[];
}

export interface RoundSample {
  /** When the round was taken (ms since the epoch). */
  at: number;
  partitions: PartitionSample[];
  groups: GroupSample[];
}

/** Clock injected everywhere time matters (tests move it by hand). */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
