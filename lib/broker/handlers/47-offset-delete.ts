// OffsetDelete: v0
//
// Behavior:
// * Served by the group's coordinator only (NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE otherwise,
//   top-level).
// * Forgets the group's committed offsets of the given partitions, durably: tombstones in
//   `__consumer_offsets`, so they stay gone after a restart. Partitions with nothing committed answer
//   NONE too.
// * An Empty group may lose any offset; a live `consumer` group only those of topics its members do
//   not subscribe to (GROUP_SUBSCRIBED_TO_TOPIC on the others); a live group of another protocol is
//   NON_EMPTY_GROUP; an unknown group GROUP_ID_NOT_FOUND (coordinator/offset-delete.ts). An Empty
//   group left with no offsets is removed, as Kafka does.
// * A partition that does not exist answers UNKNOWN_TOPIC_OR_PARTITION.
// * With an authorizer: DELETE on the group (GROUP_AUTHORIZATION_FAILED, top-level) and READ on each
//   topic (TOPIC_AUTHORIZATION_FAILED on its partitions).
import { groupsOf } from '../groups';
import { ApiKey, type OffsetDeleteRequest, type OffsetDeleteResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, groupCheck, topicAllowed } from './authorize';
import { defineHandler } from './types';

export default defineHandler<OffsetDeleteRequest, OffsetDeleteResponse>({
  key: ApiKey.OffsetDelete,
  min: 0,
  max: 0,
  async handle(req, ctx) {
    const groups = await groupsOf(ctx.runtime);
    const groupError = groupCheck(ctx, groups, req.groupId, AclOperation.DELETE);
    if (groupError !== ErrorCode.NONE) return { errorCode: groupError, throttleTimeMs: 0, topics: [] };

    const key = (topic: string, partition: number) => `${topic}\0${partition}`;
    const errors = new Map<string, number>();
    const eligible: { name: string; partitionIndexes: number[] }[] = [];
    for (const t of req.topics) {
      const allowed = topicAllowed(ctx, AclOperation.READ, t.name);
      const partitionIndexes: number[] = [];
      for (const { partitionIndex } of t.partitions) {
        if (!allowed) errors.set(key(t.name, partitionIndex), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
        else if (!ctx.cluster.partition(t.name, partitionIndex)) errors.set(key(t.name, partitionIndex), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        else partitionIndexes.push(partitionIndex);
      }
      if (partitionIndexes.length > 0) eligible.push({ name: t.name, partitionIndexes });
    }
    const out = groups.coordinator.deleteOffsets({ groupId: req.groupId, topics: eligible });
    for (const t of out.topics) for (const p of t.partitions) errors.set(key(t.name, p.partitionIndex), p.errorCode);
    const answered = (topic: string, partition: number) => errors.has(key(topic, partition));
    return {
      errorCode: out.errorCode,
      throttleTimeMs: 0,
      topics: req.topics
        .map((t) => ({
          name: t.name,
          partitions: t.partitions
            .filter((p) => answered(t.name, p.partitionIndex))
            .map((p) => ({ partitionIndex: p.partitionIndex, errorCode: errors.get(key(t.name, p.partitionIndex))! })),
        }))
        .filter((t) => t.partitions.length > 0),
    };
  },
});
