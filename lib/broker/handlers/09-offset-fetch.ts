// OffsetFetch: v1-8 (v8: many groups in one request, each answered as v1-7 answer their one group)
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
// * v8 asking every group for all it committed (how a console reads every group's lag) is written
//   by hand (offset-fetch-encode.ts): the same bytes, without response objects per partition.
import { groupsOf } from '../groups';
import { ApiKey, type OffsetFetchRequest, type OffsetFetchResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, groupCheck, topicAllowed } from './authorize';
import { encodeAllOffsetsV8, type GroupOffsets } from './offset-fetch-encode';
import { defineHandler, EncodedResponse } from './types';

type OneGroupAnswer = { errorCode: number; topics: { name: string; partitions: { partitionIndex: number; committedOffset: bigint; metadata: string | null; errorCode: number }[] }[] };

/** One group's answer: what v1-7 send for their one group, and v8 for each group it names. */
function offsetsOf(
  ctx: Parameters<typeof groupCheck>[0],
  groups: Awaited<ReturnType<typeof groupsOf>>,
  groupId: string,
  topics: { name: string; partitionIndexes: number[] }[] | null,
  version: number,
): OneGroupAnswer {
  const errorCode = groupCheck(ctx, groups, groupId, AclOperation.DESCRIBE);
  if (errorCode !== ErrorCode.NONE) {
    return {
      errorCode,
      topics: (version < 2 ? (topics ?? []) : []).map((t) => ({
        name: t.name,
        partitions: t.partitionIndexes.map((partitionIndex) => ({ partitionIndex, committedOffset: -1n, metadata: '', errorCode })),
      })),
    };
  }
  const out = groups.coordinator.fetchOffsets(groupId, topics);
  const allowed = new Map<string, boolean>();
  for (const t of out.topics) allowed.set(t.name, topicAllowed(ctx, AclOperation.DESCRIBE, t.name, topics === null));
  return {
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
}

export default defineHandler<OffsetFetchRequest, OffsetFetchResponse>({
  key: ApiKey.OffsetFetch,
  min: 1,
  max: 8,
  async handle(req, ctx) {
    const groups = await groupsOf(ctx.runtime);
    if (ctx.version >= 8) {
      if ((req.groups ?? []).every((g) => g.topics === null)) return allOffsetsEncoded(ctx, groups, req.groups ?? []);
      return {
        throttleTimeMs: 0,
        groups: (req.groups ?? []).map((g) => {
          const one = offsetsOf(ctx, groups, g.groupId, g.topics, ctx.version);
          return {
            groupId: g.groupId,
            errorCode: one.errorCode,
            topics: one.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ ...p, committedLeaderEpoch: -1 })) })),
          };
        }),
      };
    }
    const topics = req.topics === undefined ? [] : req.topics;
    const one = offsetsOf(ctx, groups, req.groupId ?? '', topics, ctx.version);
    return {
      throttleTimeMs: 0,
      errorCode: one.errorCode,
      topics: one.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ ...p, committedLeaderEpoch: -1 })) })),
    };
  },
});

/** v8, every group asking for all it committed: what offsetsOf answers for topics null, encoded by hand. */
function allOffsetsEncoded(ctx: Parameters<typeof groupCheck>[0], groups: Awaited<ReturnType<typeof groupsOf>>, asked: readonly { groupId: string }[]): EncodedResponse {
  const answers = asked.map(({ groupId }): GroupOffsets => {
    const errorCode = groupCheck(ctx, groups, groupId, AclOperation.DESCRIBE);
    if (errorCode !== ErrorCode.NONE) return { groupId, errorCode, topics: [] };
    const committed = groups.coordinator.committedOffsets(groupId);
    const topics = committed ? [...committed].filter(([name]) => topicAllowed(ctx, AclOperation.DESCRIBE, name, true)) : [];
    return { groupId, errorCode, topics };
  });
  return new EncodedResponse(encodeAllOffsetsV8(answers));
}
