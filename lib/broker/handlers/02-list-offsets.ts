// ListOffsets: v1-3
//
// Behavior:
// * timestamp -2 (earliest): the log start offset; -1 (latest): the high watermark (the log end,
//   since every append is committed at once). Both answer timestamp -1.
// * Any other timestamp: the offset and timestamp of the first record whose timestamp is >= it, or
//   offset -1 / timestamp -1 when there is none.
// * isolation_level (v2+) is accepted; with no transactions, committed and uncommitted agree.
// * Per-partition UNKNOWN_TOPIC_OR_PARTITION / NOT_LEADER_OR_FOLLOWER / LEADER_NOT_AVAILABLE.
// * With an authorizer: DESCRIBE on the topic, else TOPIC_AUTHORIZATION_FAILED on its partitions.
import { ApiKey, type ListOffsetsRequest, type ListOffsetsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, topicAllowed } from './authorize';
import { leaderPartition } from './leader-partition';
import { defineHandler } from './types';

const EARLIEST = -2n;
const LATEST = -1n;

type PartitionAnswer = ListOffsetsResponse['topics'][number]['partitions'][number];

export default defineHandler<ListOffsetsRequest, ListOffsetsResponse>({
  key: ApiKey.ListOffsets,
  min: 1,
  max: 3,
  handle(req, ctx) {
    return {
      throttleTimeMs: 0,
      topics: req.topics.map((t) => {
        const allowed = topicAllowed(ctx, AclOperation.DESCRIBE, t.name);
        return {
          name: t.name,
          partitions: t.partitions.map((lp): PartitionAnswer => {
            const failed = (errorCode: number) => ({ partitionIndex: lp.partitionIndex, errorCode, timestamp: -1n, offset: -1n });
            if (!allowed) return failed(ErrorCode.TOPIC_AUTHORIZATION_FAILED);
            const lookup = leaderPartition(ctx, t.name, lp.partitionIndex);
            if (!lookup.ok) return failed(lookup.errorCode);
            const log = lookup.partition.log;
            let offset = -1n;
            let timestamp = -1n;
            if (lp.timestamp === EARLIEST) offset = log.logStartOffset;
            else if (lp.timestamp === LATEST) offset = log.logEndOffset;
            else {
              const found = log.offsetForTimestamp(lp.timestamp);
              if (found) {
                offset = found.offset;
                timestamp = found.timestamp;
              }
            }
            return { partitionIndex: lp.partitionIndex, errorCode: ErrorCode.NONE, timestamp, offset };
          }),
        };
      }),
    };
  },
});
