// Committed offsets: who may commit (Kafka's validateOffsetCommit), what gets written to
// `__consumer_offsets`, and what OffsetFetch answers. Offsets are stored exactly as given — negative
// values included, since kafkajs commits -1/-2 when it resets a position.

import { ErrorCode } from '../../common/kafka-error-codes';
import type { Group } from './group';
import { encodeOffsetCommitKey, encodeOffsetCommitValue, type OffsetCommitValue } from './records';
import type { CommitOffsetsInput, CommitOffsetsOutput, FetchOffsetsOutput, FetchedPartition } from './types';

/** Kafka's offset.metadata.max.bytes default (it compares the string's length). */
export const MAX_OFFSET_METADATA_SIZE = 4096;

/**
 * Kafka's rule: a commit naming a member or a generation must come from a current member of the current
 * generation; an anonymous commit (generation < 0, no member id) is only for groups without members.
 */
export function validateOffsetCommit(group: Group, req: CommitOffsetsInput): number | null {
  if (group.state === 'Dead') return ErrorCode.COORDINATOR_NOT_AVAILABLE;
  const instanceId = req.groupInstanceId ?? null;
  if (req.generationId >= 0 || req.memberId !== '' || instanceId !== null) {
    if (instanceId !== null) {
      const byInstance = group.memberByInstanceId(instanceId);
      if (byInstance !== undefined && byInstance.memberId !== req.memberId) return ErrorCode.FENCED_INSTANCE_ID;
    }
    if (!group.members.has(req.memberId)) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (req.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    return null;
  }
  if (group.state !== 'Empty') return ErrorCode.UNKNOWN_MEMBER_ID;
  return null;
}

export function commitAnswerAll(req: CommitOffsetsInput, errorCode: number): CommitOffsetsOutput {
  return {
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })),
    })),
  };
}

export interface PreparedCommit {
  records: { key: Buffer; value: Buffer }[];
  accepted: { topic: string; partition: number; value: OffsetCommitValue }[];
  /** Per-partition errors found before writing (metadata too large); the rest are accepted. */
  answer: CommitOffsetsOutput;
}

export function prepareCommit(group: Group, req: CommitOffsetsInput, nowMs: number): PreparedCommit {
  const records: PreparedCommit['records'] = [];
  const accepted: PreparedCommit['accepted'] = [];
  const answer: CommitOffsetsOutput = {
    topics: req.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        const metadata = p.committedMetadata ?? '';
        if (metadata.length > MAX_OFFSET_METADATA_SIZE) {
          return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.OFFSET_METADATA_TOO_LARGE };
        }
        const value: OffsetCommitValue = {
          offset: p.committedOffset,
          leaderEpoch: p.committedLeaderEpoch ?? -1,
          metadata,
          commitTimestamp: nowMs,
        };
        records.push({
          key: encodeOffsetCommitKey(group.groupId, t.name, p.partitionIndex),
          value: encodeOffsetCommitValue(value),
        });
        accepted.push({ topic: t.name, partition: p.partitionIndex, value });
        return { partitionIndex: p.partitionIndex, errorCode: ErrorCode.NONE as number };
      }),
    })),
  };
  return { records, accepted, answer };
}

export function applyCommit(group: Group, accepted: PreparedCommit['accepted']): void {
  for (const { topic, partition, value } of accepted) {
    let partitions = group.offsets.get(topic);
    if (partitions === undefined) group.offsets.set(topic, (partitions = new Map()));
    partitions.set(partition, value);
  }
}

/** On a write failure every partition that was going to be written gets `errorCode` instead of NONE. */
export function failAccepted(answer: CommitOffsetsOutput, errorCode: number): CommitOffsetsOutput {
  return {
    topics: answer.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => (p.errorCode === ErrorCode.NONE ? { ...p, errorCode } : p)),
    })),
  };
}

function fetched(partitionIndex: number, value: OffsetCommitValue | undefined): FetchedPartition {
  if (value === undefined) {
    return { partitionIndex, committedOffset: -1n, committedLeaderEpoch: -1, metadata: '', errorCode: ErrorCode.NONE };
  }
  return {
    partitionIndex,
    committedOffset: value.offset,
    committedLeaderEpoch: value.leaderEpoch,
    metadata: value.metadata,
    errorCode: ErrorCode.NONE,
  };
}

/** `topics` null = every committed offset of the group; unknown partitions answer offset -1. */
export function fetchOffsets(
  group: Group | undefined,
  topics: { name: string; partitionIndexes: number[] }[] | null,
): FetchOffsetsOutput {
  const live = group !== undefined && group.state !== 'Dead' ? group : undefined;
  if (topics === null) {
    return {
      errorCode: ErrorCode.NONE,
      topics: [...(live?.offsets ?? new Map<string, Map<number, OffsetCommitValue>>())].map(([name, parts]) => ({
        name,
        partitions: [...parts].sort(([a], [b]) => a - b).map(([index, value]) => fetched(index, value)),
      })),
    };
  }
  return {
    errorCode: ErrorCode.NONE,
    topics: topics.map((t) => ({
      name: t.name,
      partitions: t.partitionIndexes.map((index) => fetched(index, live?.offsets.get(t.name)?.get(index))),
    })),
  };
}

/** Tombstones for the group's offsets, of one topic or of all; `dropOffsets` forgets them once written. */
export function offsetTombstones(group: Group, topic?: string): { key: Buffer; value: null }[] {
  const tombstones: { key: Buffer; value: null }[] = [];
  for (const [name, parts] of group.offsets) {
    if (topic !== undefined && name !== topic) continue;
    for (const partition of parts.keys()) {
      tombstones.push({ key: encodeOffsetCommitKey(group.groupId, name, partition), value: null });
    }
  }
  return tombstones;
}

export function dropOffsets(group: Group, topic?: string): void {
  if (topic === undefined) group.offsets.clear();
  else group.offsets.delete(topic);
}
