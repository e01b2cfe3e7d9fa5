// What the cluster does with partition data rather than metadata: the leader's append (a
// pass-through to the partition's log that also wakes long-poll Fetches waiting on it) and the
// retention/compaction pass a timer runs over every log (each log first rolls an active segment
// older than segment.ms, so retention.ms reaches small partitions). Reading is the handlers' own
// business.
import type { AppendOutcome } from '../storage/store';
import { toLogConfig } from '../topic-config';
import type { PartitionState, TopicState } from './state';

/** Appends one validated batch as leader and wakes any Fetch waiting on the partition. */
export function appendAsLeader(p: PartitionState, batch: Buffer, nowMs: number): AppendOutcome {
  const result = p.log.append(batch, p.leaderEpoch, BigInt(nowMs));
  if (result.ok) wake(p);
  return result;
}

/** Calls `cb` once, at the next append to `p` (or its deletion, or a leader move); returns a cancel function. */
export function onAppend(p: PartitionState, cb: () => void): () => void {
  p.waiters.add(cb);
  return () => p.waiters.delete(cb);
}

/** Fires, once, every callback waiting on `p`. */
export function wake(p: PartitionState): void {
  if (p.waiters.size === 0) return;
  const callbacks = [...p.waiters];
  p.waiters.clear();
  for (const cb of callbacks) cb();
}

/** Age rolls (segment.ms), retention, and compaction where configured, over every partition; a
 * failure is logged, not thrown. */
export function enforceRetention(topics: Iterable<TopicState>, nowMs: number, log: (line: string) => void): void {
  for (const t of topics) {
    const compact = toLogConfig(t.configs).cleanupPolicy.split(',').includes('compact');
    for (const p of t.partitions) {
      try {
        p.log.enforceRetention(BigInt(nowMs));
        if (compact) p.log.compact(BigInt(nowMs));
      } catch (err) {
        log(`retention on ${t.name}-${p.index} failed: ${(err as Error).message}`);
      }
    }
  }
}
