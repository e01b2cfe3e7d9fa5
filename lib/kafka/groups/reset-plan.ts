// The arithmetic of an offset reset, kept pure so preview and apply cannot disagree: for each
// partition in scope, the new absolute offset (never -1/-2), clamped to the watermarks, and the lag
// before and after.
import 'server-only';
import type { ResetOffsetsRequest } from '../../schemas/group';

export interface PartitionState {
  topic: string;
  partition: number;
  /** Committed offset, null when the group has none for this partition. */
  current: bigint | null;
  low: bigint;
  high: bigint;
  /** mode=timestamp: first offset at or after the timestamp; null when there is none (= high). */
  atTimestamp?: bigint | null;
}

export interface PlannedReset {
  topic: string;
  partition: number;
  current: bigint | null;
  target: bigint;
  low: bigint;
  high: bigint;
  lagBefore: bigint | null;
  lagAfter: bigint;
}

const clamp = (x: bigint, lo: bigint, hi: bigint) => (x < lo ? lo : x > hi ? hi : x);

/** Lag of a committed position as kafka-consumer-groups.sh --describe shows it: log end - committed,
 * nothing clamped. A commit above the log end gives a negative lag (-20), a commit below the log
 * start counts records lost to retention: both are anomalies the verdicts call ERROR, and a clamped
 * number would hide them and disagree with Kafka's own tool. No lag without a commit (-1 and the
 * other negative markers a client may store mean "none"). `low` is kept for callers that pass the
 * watermarks whole. */
export function lagOf(committed: bigint | null, low: bigint, high: bigint): bigint | null {
  void low;
  if (committed === null || committed < 0n) return null;
  return high - committed;
}

export function planReset(req: ResetOffsetsRequest, states: PartitionState[]): PlannedReset[] {
  return states.map((s) => {
    let target: bigint;
    switch (req.mode) {
      case 'earliest':
        target = s.low;
        break;
      case 'latest':
        target = s.high;
        break;
      case 'offset':
        target = BigInt(req.offset!);
        break;
      case 'timestamp':
        target = s.atTimestamp === null || s.atTimestamp === undefined || s.atTimestamp < 0n ? s.high : s.atTimestamp;
        break;
      case 'shift':
        // Shifting a partition with no commit starts from the log start.
        target = (s.current !== null && s.current >= 0n ? s.current : s.low) + BigInt(req.shift!);
        break;
    }
    target = clamp(target, s.low, s.high);
    return {
      topic: s.topic,
      partition: s.partition,
      current: s.current,
      target,
      low: s.low,
      high: s.high,
      lagBefore: lagOf(s.current, s.low, s.high),
      lagAfter: s.high - target,
    };
  });
}
