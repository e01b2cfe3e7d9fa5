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
// * The answer is written straight into bytes: a console reading the watermarks of 10,000 partitions
//   asks every leader twice, and a response object per partition plus the schema walk kept the
//   single-threaded broker busy while the console waited. Layout from Kafka's
//   ListOffsetsResponse.json: throttle time from v2; per partition index, error, timestamp, offset.
import { ApiKey, type ListOffsetsRequest, type ListOffsetsResponse } from '../protocol';
import { Writer } from '../protocol/writer';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, topicAllowed } from './authorize';
import { leaderPartition } from './leader-partition';
import { defineHandler, EncodedResponse } from './types';

const EARLIEST = -2n;
const LATEST = -1n;

export default defineHandler<ListOffsetsRequest, ListOffsetsResponse>({
  key: ApiKey.ListOffsets,
  min: 1,
  max: 3,
  handle(req, ctx) {
    const w = new Writer(16 + req.topics.length * 64);
    if (ctx.version >= 2) w.int32(0); // throttle time
    w.int32(req.topics.length);
    for (const t of req.topics) {
      const allowed = topicAllowed(ctx, AclOperation.DESCRIBE, t.name);
      w.nullableString(t.name);
      w.int32(t.partitions.length);
      for (const lp of t.partitions) {
        let errorCode: number = ErrorCode.NONE;
        let offset = -1n;
        let timestamp = -1n;
        const lookup = allowed ? leaderPartition(ctx, t.name, lp.partitionIndex) : null;
        if (!lookup) errorCode = ErrorCode.TOPIC_AUTHORIZATION_FAILED;
        else if (!lookup.ok) errorCode = lookup.errorCode;
        else {
          const log = lookup.partition.log;
          if (lp.timestamp === EARLIEST) offset = log.logStartOffset;
          else if (lp.timestamp === LATEST) offset = log.logEndOffset;
          else {
            const found = log.offsetForTimestamp(lp.timestamp);
            if (found) {
              offset = found.offset;
              timestamp = found.timestamp;
            }
          }
        }
        w.int32(lp.partitionIndex).int16(errorCode).int64(timestamp).int64(offset);
      }
    }
    return new EncodedResponse(w.finish());
  },
});
