// OffsetFetch: v1-4
//
// Behavior:
// * Served by the group's coordinator only (NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE otherwise:
//   top-level from v2, on every requested partition in v1).
// * A partition with nothing committed answers offset -1 and no error (so does an unknown group).
// * topics null (v2+) = every offset the group has committed.
// * Committed offsets come back exactly as stored, negative ones included.
// * With an authorizer: DESCRIBE on the group (GROUP_AUTHORIZATION_FAILED), and DESCRIBE on each
//   topic: a named topic it may not describe answers TOPIC_AUTHORIZATION_FAILED on its partitions,
//   and "every offset" leaves such topics out.
import { groupsOf } from '../groups';
import { ApiKey, type OffsetFetchRequest, type OffsetFetchResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, groupCheck, topicAllowed } from './authorize';
import { defineHandler } from './types';

export default defineHandler<OffsetFetchRequest, OffsetFetchResponse>({
  key: ApiKey.OffsetFetch,
  min: 1,
  max: 4,
  async handle(req, ctx) {
    const groupId = req.groupId ?? '';
    const topics = req.topics === undefined ? [] : req.topics;
    const groups = await groupsOf(ctx.runtime);
    const errorCode = groupCheck(ctx, groups, groupId, AclOperation.DESCRIBE);
    if (errorCode !== ErrorCode.NONE) {
      return {
        throttleTimeMs: 0,
        errorCode,
        topics: (ctx.version < 2 ? (topics ?? []) : []).map((t) => ({
          name: t.name,
          partitions: t.partitionIndexes.map((partitionIndex) => ({
            partitionIndex,
            committedOffset: -1n,
            metadata: '',
            errorCode,
          })),
        })),
      };
    }
    const out = groups.coordinator.fetchOffsets(groupId, topics);
    const allowed = new Map<string, boolean>();
    for (const t of out.topics) allowed.set(t.name, topicAllowed(ctx, AclOperation.DESCRIBE, t.name, topics === null));
    return {
      throttleTimeMs: 0,
      errorCode: out.errorCode,
      topics: out.topics
        .filter((t) => topics !== null || allowed.get(t.name))
        .map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) =>
            allowed.get(t.name)
              ? { partitionIndex: p.partitionIndex, committedOffset: p.committedOffset, metadata: p.metadata, errorCode: p.errorCode }
              : { partitionIndex: p.partitionIndex, committedOffset: -1n, metadata: '', errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED },
          ),
        })),
    };
  },
});
