// The check every data-path handler makes first: does the partition exist, and does the node this
// request reached lead it? One place for the rule, so Produce, Fetch and ListOffsets (and later
// DeleteRecords) answer UNKNOWN_TOPIC_OR_PARTITION / NOT_LEADER_OR_FOLLOWER / LEADER_NOT_AVAILABLE
// the same way Kafka does.
import type { PartitionState } from '../cluster/cluster';
import { ErrorCode } from '../../common/kafka-error-codes';
import type { HandlerContext } from './types';

export type LeaderLookup = { ok: true; partition: PartitionState } | { ok: false; errorCode: number };

export function leaderPartition(ctx: HandlerContext, topic: string | undefined, index: number): LeaderLookup {
  const p = topic === undefined ? undefined : ctx.cluster.partition(topic, index);
  if (!p) return { ok: false, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
  const leader = ctx.cluster.leaderOf(p);
  if (leader < 0) return { ok: false, errorCode: ErrorCode.LEADER_NOT_AVAILABLE };
  if (leader !== ctx.nodeId) return { ok: false, errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER };
  return { ok: true, partition: p };
}
