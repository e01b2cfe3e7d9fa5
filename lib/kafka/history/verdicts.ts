// A consumer group's health from its recent samples, in the spirit of Burrow's evaluation rules: a
// pure function of the points of each partition over a sliding window (the last `samples` samples
// within `ms` of the newest) and the group's current member count. Kafka does not say when a group
// last committed (OffsetFetch returns only the offset), so "no commits" means "the committed offset
// did not move", and the members decide between a consumer that is there but stuck (STALL) and one
// that is gone (STOP). Lag is log end - committed, not clamped, as kafka-consumer-groups.sh shows
// it: negative when the commit is above the log end (which is an ERROR of its own).
//
// Per partition, the first rule that holds decides:
//  1. ERROR  the newest committed offset is above the log end, or below the log start (records lost
//            to retention);
//  2. REWIND the committed offset moved backwards between two samples of the window;
//  3. OK     the log end is not known (the leader did not answer): nothing to judge;
//  4. OK     the lag was 0 at some sample of the window;
//  5. OK     the window is not complete yet (fewer samples than it holds and no older history), or
//            holds a single sample (the one before it being older than the window);
//  6. STOP   the committed offset did not move over the whole window, lag > 0, and the group has no
//            members; STALL the same with members present (or not known);
//  7. OK     the lag is falling (newest lower than the oldest of the window);
//  8. WARN   the lag is rising: it never fell from one sample to the next and ended higher;
//  9. OK     otherwise (moving, lag steady or noisy).
// The group's status is the worst of its partitions' (ERROR > REWIND > STOP > STALL > WARN > OK),
// with that partition's reason.
import 'server-only';

export const STATUSES = ['OK', 'WARN', 'STALL', 'STOP', 'REWIND', 'ERROR'] as const;
export type Status = (typeof STATUSES)[number];
const RANK: Record<Status, number> = { OK: 0, WARN: 1, STALL: 2, STOP: 3, REWIND: 4, ERROR: 5 };

export interface Verdict {
  status: Status;
  reason: string;
}

export interface VerdictPoint {
  /** When the sample was taken (ms). */
  t: number;
  /** null: no commit on this partition in that sample. */
  committed: bigint | null;
  /** null: the partition's watermarks were not known in that sample. */
  logStart: bigint | null;
  logEnd: bigint | null;
}

export interface VerdictWindow {
  /** At most this many samples (default 10). */
  samples: number;
  /** Only samples at most this old, measured from the newest (default 5 minutes). */
  ms: number;
}
export const DEFAULT_WINDOW: VerdictWindow = { samples: 10, ms: 5 * 60_000 };

export interface PartitionVerdict extends Verdict {
  topic: string;
  partition: number;
}
export interface GroupVerdict extends Verdict {
  partitions: PartitionVerdict[];
}

/** 270000 -> "4m30s", 45000 -> "45s", 3_900_000 -> "1h5m", 800 -> "0.8s". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${Math.round(ms / 100) / 10}s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60}s`;
  return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`;
}

const lagOf = (p: VerdictPoint): bigint | null => (p.committed === null || p.logEnd === null ? null : p.logEnd - p.committed);

/** The samples the rules look at, and whether they cover the whole window. */
export function windowOf<P extends { t: number }>(points: readonly P[], w: VerdictWindow): { inWindow: P[]; complete: boolean } {
  if (points.length === 0) return { inWindow: [], complete: false };
  const newest = points.at(-1)!.t;
  let start = points.length;
  while (start > 0 && points.length - (start - 1) <= w.samples && newest - points[start - 1]!.t <= w.ms) start--;
  const inWindow = points.slice(start);
  // Complete: as many samples as the window holds, or history older than the window.
  return { inWindow, complete: inWindow.length >= w.samples || start > 0 };
}

function membersText(members: number | null): string {
  if (members === null) return 'members unknown';
  return `${members} member${members === 1 ? '' : 's'} present`;
}

export function partitionVerdict(points: readonly VerdictPoint[], members: number | null, w: VerdictWindow = DEFAULT_WINDOW): Verdict {
  const committedPoints = points.every((p) => p.committed !== null) ? points : points.filter((p) => p.committed !== null);
  const { inWindow, complete } = windowOf(committedPoints, w);
  const latest = inWindow.at(-1);
  if (!latest) return { status: 'OK', reason: 'no committed offset' };
  const c = latest.committed!;
  if (latest.logEnd !== null && c > latest.logEnd) {
    return { status: 'ERROR', reason: `committed offset ${c} is above the log end ${latest.logEnd} (lag ${latest.logEnd - c})` };
  }
  if (latest.logStart !== null && c < latest.logStart) {
    return { status: 'ERROR', reason: `committed offset ${c} is below the log start ${latest.logStart}: ${latest.logStart - c} records lost to retention` };
  }
  for (let i = 1; i < inWindow.length; i++) {
    const before = inWindow[i - 1]!.committed!;
    const after = inWindow[i]!.committed!;
    if (after < before) return { status: 'REWIND', reason: `committed offset moved back from ${before} to ${after}` };
  }
  const lag = lagOf(latest);
  if (lag === null) return { status: 'OK', reason: `committed offset ${c}; log end not known` };
  const lags = inWindow.map(lagOf).filter((l): l is bigint => l !== null);
  if (lag === 0n) return { status: 'OK', reason: 'caught up (lag 0)' };
  if (lags.some((l) => l === 0n)) return { status: 'OK', reason: `lag reached 0 within the window; now ${lag}` };
  if (!complete) return { status: 'OK', reason: `lag ${lag} (${inWindow.length} of ${w.samples} samples so far)` };
  if (inWindow.length < 2) return { status: 'OK', reason: `lag ${lag} (a single sample in the last ${formatDuration(w.ms)})` };
  const spanMs = latest.t - inWindow[0]!.t;
  if (inWindow.every((p) => p.committed === c)) {
    const span = formatDuration(spanMs);
    if (members === 0) return { status: 'STOP', reason: `no commits for over ${span}: committed offset ${c} unchanged while lag is ${lag} and the group has no members` };
    return { status: 'STALL', reason: `committed offset ${c} unchanged for ${span} while lag is ${lag} (${membersText(members)})` };
  }
  const first = lags[0]!;
  const span = formatDuration(spanMs);
  if (lag < first) return { status: 'OK', reason: `lag falling: ${first} to ${lag} over ${span}` };
  let rising = lag > first;
  for (let i = 1; rising && i < lags.length; i++) if (lags[i]! < lags[i - 1]!) rising = false;
  if (rising) return { status: 'WARN', reason: `lag rising: ${first} to ${lag} over ${span}` };
  return { status: 'OK', reason: lag === first ? `keeping up: lag ${lag} steady` : `lag ${lag} (was ${first} ${span} ago)` };
}

export interface PartitionPoints {
  topic: string;
  partition: number;
  points: readonly VerdictPoint[];
}

/** The worst of two statuses. */
export const worse = (a: Status, b: Status): Status => (RANK[b] > RANK[a] ? b : a);

export function groupVerdict(partitions: readonly PartitionPoints[], members: number | null, w: VerdictWindow = DEFAULT_WINDOW): GroupVerdict {
  const verdicts: PartitionVerdict[] = partitions.map((p) => ({ topic: p.topic, partition: p.partition, ...partitionVerdict(p.points, members, w) }));
  if (verdicts.length === 0) return { status: 'OK', reason: 'no committed offsets', partitions: [] };
  let worst = verdicts[0]!;
  let same = 0;
  for (const v of verdicts) {
    if (RANK[v.status] > RANK[worst.status]) {
      worst = v;
      same = 1;
    } else if (v.status === worst.status) same++;
  }
  const more = same > 1 ? ` (and ${same - 1} more partition${same === 2 ? '' : 's'})` : '';
  return { status: worst.status, reason: `${worst.topic}-${worst.partition}: ${worst.reason}${more}`, partitions: verdicts };
}
