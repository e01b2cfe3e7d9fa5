// DeleteRecords: v0-1
//
// Behavior:
// * Sent to each partition's leader (NOT_LEADER_OR_FOLLOWER / UNKNOWN_TOPIC_OR_PARTITION otherwise).
// * Advances the log start offset to the given offset (-1 = the high watermark); whole segments below
//   it are removed, and fetches below it then get OFFSET_OUT_OF_RANGE.
// * An offset past the high watermark is OFFSET_OUT_OF_RANGE; one at or below the current log start
//   changes nothing. The answer carries the new low watermark.
// * With an authorizer: DELETE on the topic, else TOPIC_AUTHORIZATION_FAILED on its partitions.
import { ApiKey, type DeleteRecordsRequest, type DeleteRecordsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, topicAllowed } from './authorize';
import { leaderPartition } from './leader-partition';
import { defineHandler } from './types';

type PartitionAnswer = DeleteRecordsResponse['topics'][number]['partitions'][number];

export default defineHandler<DeleteRecordsRequest, DeleteRecordsResponse>({
  key: ApiKey.DeleteRecords,
  min: 0,
  max: 1,
  handle(req, ctx) {
    return {
      throttleTimeMs: 0,
      topics: req.topics.map((t) => {
        const allowed = topicAllowed(ctx, AclOperation.DELETE, t.name);
        return {
          name: t.name,
          partitions: t.partitions.map((dp): PartitionAnswer => {
            if (!allowed) return { partitionIndex: dp.partitionIndex, lowWatermark: -1n, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED };
            const lookup = leaderPartition(ctx, t.name, dp.partitionIndex);
            if (!lookup.ok) return { partitionIndex: dp.partitionIndex, lowWatermark: -1n, errorCode: lookup.errorCode };
            const log = lookup.partition.log;
            const end = BigInt(log.logEndOffset);
            const target = dp.offset === -1n ? end : dp.offset;
            if (target < 0n || target > end) {
              return { partitionIndex: dp.partitionIndex, lowWatermark: BigInt(log.logStartOffset), errorCode: ErrorCode.OFFSET_OUT_OF_RANGE };
            }
            if (target > BigInt(log.logStartOffset)) log.deleteRecordsBefore(target);
            return { partitionIndex: dp.partitionIndex, lowWatermark: BigInt(log.logStartOffset), errorCode: ErrorCode.NONE };
          }),
        };
      }),
    };
  },
});
