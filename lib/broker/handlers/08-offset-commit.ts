// OffsetCommit: v2-5
//
// Behavior:
// * Served by the group's coordinator only (every partition gets NOT_COORDINATOR /
//   COORDINATOR_NOT_AVAILABLE otherwise).
// * Members commit with their generation and member id; generation -1 with no member id is a
//   commit from outside group management (admin tools), accepted only while the group has no members.
// * Offsets are stored as given, negative ones included (kafkajs commits -1/-2 when it resets), as
//   records in `__consumer_offsets`, so they survive a restart.
// * A partition that does not exist gets UNKNOWN_TOPIC_OR_PARTITION, as in Kafka.
// * retentionTimeMs (v2-4) is accepted and ignored: offsets are kept until the group is deleted.
// * With an authorizer: READ on the group (GROUP_AUTHORIZATION_FAILED on every partition), then READ
//   on each topic (TOPIC_AUTHORIZATION_FAILED on its partitions).
import type { CommitOffsetsInput } from '../coordinator';
import { groupsOf } from '../groups';
import { ApiKey, type OffsetCommitRequest, type OffsetCommitResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, groupCheck, topicAllowed } from './authorize';
import { defineHandler } from './types';

export default defineHandler<OffsetCommitRequest, OffsetCommitResponse>({
  key: ApiKey.OffsetCommit,
  min: 2,
  max: 5,
  async handle(req, ctx) {
    const groups = await groupsOf(ctx.runtime);
    const groupError = groupCheck(ctx, groups, req.groupId);
    const answerAll = (errorCode: number): OffsetCommitResponse => ({
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })) })),
    });
    if (groupError !== ErrorCode.NONE) return answerAll(groupError);

    const known: CommitOffsetsInput['topics'] = [];
    const errors = new Map<string, number>();
    for (const t of req.topics) {
      if (!topicAllowed(ctx, AclOperation.READ, t.name)) {
        for (const p of t.partitions) errors.set(`${t.name}\0${p.partitionIndex}`, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
        continue;
      }
      const partitions = t.partitions.filter((p) => ctx.cluster.partition(t.name, p.partitionIndex) !== undefined);
      if (partitions.length > 0) {
        known.push({
          name: t.name,
          partitions: partitions.map((p) => ({
            partitionIndex: p.partitionIndex,
            committedOffset: p.committedOffset,
            committedLeaderEpoch: p.committedLeaderEpoch ?? -1,
            committedMetadata: p.committedMetadata,
          })),
        });
      }
    }
    if (known.length > 0) {
      const out = groups.coordinator.commitOffsets({
        groupId: req.groupId,
        generationId: req.generationIdOrMemberEpoch ?? -1,
        memberId: req.memberId ?? '',
        groupInstanceId: req.groupInstanceId ?? null,
        topics: known,
      });
      for (const t of out.topics) for (const p of t.partitions) errors.set(`${t.name}\0${p.partitionIndex}`, p.errorCode);
    }
    return {
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partitionIndex: p.partitionIndex,
          errorCode: errors.get(`${t.name}\0${p.partitionIndex}`) ?? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        })),
      })),
    };
  },
});
