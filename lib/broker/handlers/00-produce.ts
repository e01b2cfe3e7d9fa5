// Produce: v0-7 advertised, v3-7 in practice
//
// Behavior:
// * v0-2 are listed only because librdkafka (kcat) compresses with gzip, snappy or lz4 only when the
//   broker's Produce range includes v0 (as Kafka 2.x/3.x's does); every client then uses v3+. An old
//   magic 0/1 message set sent at v0-2 is refused per partition, like any batch that is not v2.
// * Record batch v2 only. Each batch is validated (magic, length, CRC-32C,
//   baseOffset 0, lastOffsetDelta, no control batches, known codec) without decompressing, and
//   stored exactly as sent; the log rewrites only baseOffset and partitionLeaderEpoch.
// * acks must be 0, 1 or -1 (else INVALID_REQUIRED_ACKS on every partition). acks=0 gets no
//   response at all; 1 and -1 answer after the append (one copy of the data serves every replica).
// * Per-partition errors: UNKNOWN_TOPIC_OR_PARTITION, NOT_LEADER_OR_FOLLOWER (this node does not lead
//   it), LEADER_NOT_AVAILABLE, CORRUPT_MESSAGE / INVALID_RECORD, MESSAGE_TOO_LARGE (a batch over the
//   topic's max.message.bytes), UNSUPPORTED_COMPRESSION_TYPE (zstd below v7), and whatever the log
//   refuses (producer sequence errors).
// * Answers baseOffset, logAppendTime (-1 unless the topic uses LogAppendTime, v2+) and
//   logStartOffset (v5+).
// * Produce does not auto-create topics (Kafka creates them through Metadata).
// * With an authorizer: WRITE on the topic, else TOPIC_AUTHORIZATION_FAILED on its partitions.
// * max.message.bytes: the topic's override, else the dynamic message.max.bytes of the node that
//   governs the partition (admin/dynamic-broker-configs.ts), else Kafka's default.
import { ApiKey, type ProduceRequest, type ProduceResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { checkCompressionForProduceVersion, validateProducedBatches } from '../records/validate';
import { brokerConfigsOf } from '../admin/dynamic-broker-configs';
import { maxMessageBytes } from '../topic-config';
import { AclOperation, topicAllowed } from './authorize';
import { leaderPartition } from './leader-partition';
import { defineHandler, type HandlerContext } from './types';

type PartitionResponse = ProduceResponse['responses'][number]['partitionResponses'][number];

export default defineHandler<ProduceRequest, ProduceResponse>({
  key: ApiKey.Produce,
  min: 0,
  max: 7,
  handle(req, ctx) {
    const validAcks = req.acks === 0 || req.acks === 1 || req.acks === -1;
    const responses = req.topicData.map((t) => {
      const allowed = topicAllowed(ctx, AclOperation.WRITE, t.name);
      return {
        name: t.name,
        partitionResponses: t.partitionData.map((pd) =>
          !allowed
            ? failed(pd.index, ErrorCode.TOPIC_AUTHORIZATION_FAILED)
            : validAcks
              ? producePartition(ctx, t.name, pd.index, pd.records)
              : failed(pd.index, ErrorCode.INVALID_REQUIRED_ACKS),
        ),
      };
    });
    if (req.acks === 0) return null;
    return { responses, throttleTimeMs: 0 };
  },
});

function producePartition(ctx: HandlerContext, topicName: string, index: number, records: Buffer | null): PartitionResponse {
  const lookup = leaderPartition(ctx, topicName, index);
  if (!lookup.ok) return failed(index, lookup.errorCode);
  const p = lookup.partition;
  const topic = ctx.cluster.topic(topicName)!;
  const checked = validateProducedBatches(records);
  if (!checked.ok) return failed(index, checked.errorCode, checked.message);
  const codec = checkCompressionForProduceVersion(checked.header, ctx.version);
  if (!codec.ok) return failed(index, codec.errorCode, codec.message);
  const limit = maxMessageBytes(brokerConfigsOf(ctx.runtime).effectiveTopicConfigs(topic, p));
  for (const b of checked.batches) {
    if (b.length > limit) return failed(index, ErrorCode.MESSAGE_TOO_LARGE, `batch of ${b.length} bytes exceeds max.message.bytes ${limit}`);
  }
  const now = ctx.now();
  let baseOffset = -1n;
  let logAppendTime = -1n;
  for (const b of checked.batches) {
    const r = ctx.cluster.append(p, b, now);
    if (!r.ok) return failed(index, r.errorCode, r.message);
    if (baseOffset < 0n) {
      baseOffset = r.baseOffset;
      logAppendTime = r.logAppendTime;
    }
  }
  return {
    index,
    errorCode: ErrorCode.NONE,
    baseOffset,
    logAppendTimeMs: logAppendTime,
    logStartOffset: p.log.logStartOffset,
  };
}

function failed(index: number, errorCode: number, message?: string): PartitionResponse {
  return { index, errorCode, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n, errorMessage: message ?? null };
}
