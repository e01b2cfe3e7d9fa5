// The group coordinator the broker talks to: Kafka's classic GroupCoordinator as a protocol-independent
// state machine. The rebalance protocol (JoinGroup, SyncGroup, Heartbeat, LeaveGroup) is in
// membership/; this file adds committed offsets (and their deletion, OffsetDelete, whose rules are
// in offset-delete.ts), DescribeGroups/ListGroups/DeleteGroups, and the startup replay and shutdown. Every durable change goes through the OffsetsBackend in
// `__consumer_offsets` format, and `load` rebuilds the same state from those records.

import { ErrorCode } from '../../common/kafka-error-codes';
import { Group } from './group';
import { loadGroups } from './load';
import { GroupMembership, joinError, syncError } from './membership';
import { deletableTopics, type DeleteOffsetsInput, type DeleteOffsetsOutput } from './offset-delete';
import {
  applyCommit,
  commitAnswerAll,
  dropOffsets,
  failAccepted,
  fetchOffsets,
  offsetTombstones,
  prepareCommit,
  validateOffsetCommit,
} from './offsets';
import { encodeGroupMetadataKey, encodeOffsetCommitKey, type OffsetCommitValue } from './records';
import type { CommitOffsetsInput, CommitOffsetsOutput, DescribedGroup, FetchOffsetsOutput, ListedGroup } from './types';

export type { GroupCoordinatorOptions } from './membership';

export class GroupCoordinator extends GroupMembership {
  // ---------------------------------------------------------------- startup and shutdown

  /** Replays `__consumer_offsets` records (last record per key wins, null values delete). */
  load(records: Iterable<{ key: Buffer; value: Buffer | null }>): void {
    for (const group of loadGroups(records, this.state.log)) {
      const existing = this.state.groups.get(group.groupId);
      if (existing !== undefined) this.state.clearTimers(existing);
      this.state.groups.set(group.groupId, group);
      for (const member of group.members.values()) this.state.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
    }
  }

  /**
   * Clears every timer and answers every waiting JoinGroup/SyncGroup with COORDINATOR_NOT_AVAILABLE
   * (as do later ones, since nothing could complete them).
   */
  close(): void {
    this.state.closed = true;
    for (const group of this.state.groups.values()) {
      this.state.clearTimers(group);
      for (const member of group.members.values()) {
        this.state.answerJoin(member, joinError(member.memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE));
        this.state.answerSync(member, syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE));
      }
    }
  }

  // ---------------------------------------------------------------- offsets

  commitOffsets(req: CommitOffsetsInput): CommitOffsetsOutput {
    let group = this.state.groups.get(req.groupId);
    if (group === undefined) {
      // A group that does not exist yet accepts commits only from outside group management.
      if (req.generationId >= 0) return commitAnswerAll(req, ErrorCode.ILLEGAL_GENERATION);
      group = new Group(req.groupId);
      group.currentStateTimestamp = this.state.now();
      this.state.groups.set(req.groupId, group);
    }
    const invalid = validateOffsetCommit(group, req);
    if (invalid !== null) {
      this.state.forgetIfUnused(group);
      return commitAnswerAll(req, invalid);
    }
    // Kafka lets commits through while PreparingRebalance (heartbeats tell members to rejoin), but not
    // in CompletingRebalance, where the member should be syncing.
    if (group.state === 'CompletingRebalance') return commitAnswerAll(req, ErrorCode.REBALANCE_IN_PROGRESS);
    const member = group.members.get(req.memberId);
    if (member !== undefined) this.state.scheduleHeartbeat(group, member, member.sessionTimeoutMs);

    const prepared = prepareCommit(group, req, this.state.now());
    if (prepared.records.length > 0 && !this.state.append(group.groupId, prepared.records)) {
      this.state.forgetIfUnused(group);
      return failAccepted(prepared.answer, ErrorCode.COORDINATOR_NOT_AVAILABLE);
    }
    applyCommit(group, prepared.accepted);
    this.state.forgetIfUnused(group);
    return prepared.answer;
  }

  fetchOffsets(groupId: string, topics: { name: string; partitionIndexes: number[] }[] | null): FetchOffsetsOutput {
    return fetchOffsets(this.state.groups.get(groupId), topics);
  }

  /** Every offset a live group has committed, by topic and partition (what fetchOffsets answers for
   * topics null, unsorted); undefined for an unknown or dead group. Read-only: for encoding answers. */
  committedOffsets(groupId: string): ReadonlyMap<string, ReadonlyMap<number, OffsetCommitValue>> | undefined {
    const group = this.state.groups.get(groupId);
    return group !== undefined && group.state !== 'Dead' ? group.offsets : undefined;
  }

  /** A deleted topic's offsets go from every group; groups left Empty without offsets disappear (as in Kafka). */
  deleteTopicOffsets(topic: string): void {
    for (const group of [...this.state.groups.values()]) {
      const tombstones = offsetTombstones(group, topic);
      if (tombstones.length === 0) continue;
      const removeGroup = group.state === 'Empty' && group.members.size === 0 && [...group.offsets.keys()].every((t) => t === topic);
      const records: { key: Buffer; value: Buffer | null }[] = [...tombstones];
      if (removeGroup && group.generationId > 0) records.push({ key: encodeGroupMetadataKey(group.groupId), value: null });
      if (!this.state.append(group.groupId, records)) continue;
      dropOffsets(group, topic);
      if (removeGroup) this.state.dropGroup(group);
    }
  }

  /**
   * OffsetDelete: forgets the group's committed offsets of the given partitions (durably, as
   * tombstones) where the group does not consume the topic; the others answer
   * GROUP_SUBSCRIBED_TO_TOPIC. An Empty group left without offsets disappears, as in Kafka.
   */
  deleteOffsets(req: DeleteOffsetsInput): DeleteOffsetsOutput {
    const group = this.state.groups.get(req.groupId);
    const rule = deletableTopics(group);
    if (!rule.ok) return { errorCode: rule.errorCode, topics: [] };
    const g = group!;
    const doomed: { topic: string; partition: number }[] = [];
    const topics = req.topics.map((t) => {
      const deletable = rule.deletable(t.name);
      return {
        name: t.name,
        partitions: t.partitionIndexes.map((partitionIndex) => {
          if (!deletable) return { partitionIndex, errorCode: ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC as number };
          if (g.offsets.get(t.name)?.has(partitionIndex)) doomed.push({ topic: t.name, partition: partitionIndex });
          return { partitionIndex, errorCode: ErrorCode.NONE as number };
        }),
      };
    });
    if (doomed.length === 0) return { errorCode: ErrorCode.NONE, topics };
    const records: { key: Buffer; value: Buffer | null }[] = doomed.map((d) => ({ key: encodeOffsetCommitKey(g.groupId, d.topic, d.partition), value: null }));
    const remaining = [...g.offsets.values()].reduce((n, parts) => n + parts.size, 0) - doomed.length;
    const removeGroup = g.state === 'Empty' && g.members.size === 0 && remaining === 0;
    if (removeGroup && g.generationId > 0) records.push({ key: encodeGroupMetadataKey(g.groupId), value: null });
    if (!this.state.append(g.groupId, records)) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, topics: [] };
    for (const d of doomed) {
      const parts = g.offsets.get(d.topic)!;
      parts.delete(d.partition);
      if (parts.size === 0) g.offsets.delete(d.topic);
    }
    if (removeGroup) this.state.dropGroup(g);
    return { errorCode: ErrorCode.NONE, topics };
  }

  // ---------------------------------------------------------------- DescribeGroups, ListGroups, DeleteGroups

  describeGroup(groupId: string): DescribedGroup {
    const group = this.state.groups.get(groupId);
    if (group === undefined) {
      return { errorCode: ErrorCode.NONE, groupId, groupState: 'Dead', protocolType: '', protocolData: '', members: [] };
    }
    return group.describe();
  }

  listGroups(): ListedGroup[] {
    return [...this.state.groups.values()]
      .filter((g) => g.state !== 'Dead')
      .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? '', groupState: g.state }));
  }

  deleteGroups(groupIds: string[]): { groupId: string; errorCode: number }[] {
    return groupIds.map((groupId) => {
      const group = this.state.groups.get(groupId);
      if (group === undefined || group.state === 'Dead') return { groupId, errorCode: ErrorCode.GROUP_ID_NOT_FOUND };
      if (group.state !== 'Empty') return { groupId, errorCode: ErrorCode.NON_EMPTY_GROUP };
      const records: { key: Buffer; value: Buffer | null }[] = offsetTombstones(group);
      // A group that never had a generation only stored offsets; Kafka writes no metadata tombstone then.
      if (group.generationId > 0) records.push({ key: encodeGroupMetadataKey(groupId), value: null });
      if (records.length > 0 && !this.state.append(groupId, records)) {
        return { groupId, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE };
      }
      dropOffsets(group);
      this.state.dropGroup(group);
      return { groupId, errorCode: ErrorCode.NONE };
    });
  }
}
