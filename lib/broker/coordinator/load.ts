// Rebuilding groups from `__consumer_offsets` at startup, as Kafka's GroupMetadataManager does when it
// loads a partition: the last record per key wins, a null value deletes, and a group is Stable when its
// metadata names members (they keep their generation and may carry on heartbeating), Empty otherwise.
// Offsets with no group metadata make an Empty group with no protocol type (a group used only for offsets).

import { Group, Member } from './group';
import {
  decodeGroupMetadataValue,
  decodeKey,
  decodeOffsetCommitValue,
  type GroupMetadataValue,
  type OffsetCommitValue,
} from './records';

export function loadGroups(records: Iterable<{ key: Buffer; value: Buffer | null }>, log: (msg: string) => void): Group[] {
  const metadata = new Map<string, GroupMetadataValue>();
  const offsets = new Map<string, Map<string, Map<number, OffsetCommitValue>>>();

  for (const record of records) {
    try {
      const key = decodeKey(record.key);
      if (key === null) continue;
      if (key.kind === 'group') {
        if (record.value === null) metadata.delete(key.group);
        else metadata.set(key.group, decodeGroupMetadataValue(record.value));
        continue;
      }
      let topics = offsets.get(key.group);
      if (record.value === null) {
        topics?.get(key.topic)?.delete(key.partition);
        if (topics?.get(key.topic)?.size === 0) topics.delete(key.topic);
        if (topics?.size === 0) offsets.delete(key.group);
        continue;
      }
      if (topics === undefined) offsets.set(key.group, (topics = new Map()));
      let partitions = topics.get(key.topic);
      if (partitions === undefined) topics.set(key.topic, (partitions = new Map()));
      partitions.set(key.partition, decodeOffsetCommitValue(record.value));
    } catch (err) {
      log(`skipping unreadable __consumer_offsets record: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  const groups: Group[] = [];
  for (const groupId of new Set([...metadata.keys(), ...offsets.keys()])) {
    const group = new Group(groupId);
    const meta = metadata.get(groupId);
    if (meta !== undefined) {
      group.protocolType = meta.protocolType === '' ? null : meta.protocolType;
      group.generationId = meta.generationId;
      group.protocolName = meta.protocolName;
      group.currentStateTimestamp = meta.currentStateTimestamp < 0 ? null : meta.currentStateTimestamp;
      for (const m of meta.members) {
        const member = new Member(
          m.memberId,
          m.groupInstanceId,
          m.clientId,
          m.clientHost,
          m.rebalanceTimeoutMs,
          m.sessionTimeoutMs,
          meta.protocolType,
          [{ name: meta.protocolName ?? '', metadata: m.subscription }],
        );
        member.assignment = m.assignment;
        group.members.set(member.memberId, member);
      }
      group.leaderId = meta.leader !== null && group.members.has(meta.leader) ? meta.leader : (group.members.keys().next().value ?? null);
      group.state = group.members.size > 0 ? 'Stable' : 'Empty';
    }
    for (const [topic, partitions] of offsets.get(groupId) ?? []) group.offsets.set(topic, partitions);
    groups.push(group);
  }
  return groups;
}
