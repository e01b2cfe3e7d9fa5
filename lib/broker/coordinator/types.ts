// The coordinator's public request/answer shapes. They mirror the fields of Kafka's JoinGroup,
// SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch, DescribeGroups and ListGroups messages
// so the wire handlers only copy fields across; version differences (which fields exist, nullable vs
// empty strings) stay in the handlers.

export type GroupStateName = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

/** What the broker gives the coordinator to make its records durable (it writes them to `__consumer_offsets`). */
export interface OffsetsBackend {
  /** All records of one call belong to `groupId` (pass it to `partitionForGroup` to pick the partition). */
  append(records: OffsetsRecord[]): void;
}

export interface OffsetsRecord {
  key: Buffer;
  /** null = tombstone. */
  value: Buffer | null;
  groupId: string;
}

export interface ProtocolOffer {
  name: string;
  metadata: Buffer;
}

export interface JoinGroupInput {
  groupId: string;
  /** The JoinGroup request version: v4+ without a group instance id gets MEMBER_ID_REQUIRED first. */
  apiVersion: number;
  sessionTimeoutMs: number;
  /** Absent (v0) or negative: the session timeout is used, as Kafka does for v0. */
  rebalanceTimeoutMs?: number;
  /** '' for a member joining for the first time. */
  memberId: string;
  groupInstanceId?: string | null;
  protocolType: string;
  protocols: ProtocolOffer[];
  clientId: string;
  clientHost: string;
}

export interface JoinGroupMember {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer;
}

export interface JoinGroupOutput {
  errorCode: number;
  /** -1 on errors. */
  generationId: number;
  /** null on errors (JoinGroup v7+ field). */
  protocolType: string | null;
  /** null on errors; versions before 7 write '' instead. */
  protocolName: string | null;
  leader: string;
  memberId: string;
  /** Every member with the chosen protocol's metadata for the leader; empty for followers. */
  members: JoinGroupMember[];
}

export interface SyncGroupInput {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId?: string | null;
  /** SyncGroup v5+ only; checked against the group when given. */
  protocolType?: string | null;
  protocolName?: string | null;
  assignments: { memberId: string; assignment: Buffer }[];
}

export interface SyncGroupOutput {
  errorCode: number;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Buffer;
}

export interface HeartbeatInput {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId?: string | null;
}

export interface LeavingMember {
  memberId: string;
  groupInstanceId: string | null;
}

export interface LeaveGroupOutput {
  /** Kafka's top-level error: NONE unless the whole group is unusable. See `leaveGroupLegacyError` for v0-2. */
  errorCode: number;
  members: { memberId: string; groupInstanceId: string | null; errorCode: number }[];
}

export interface CommitOffsetsInput {
  groupId: string;
  /** -1 with memberId '' = a commit from outside group management (admin tools, simple consumers). */
  generationId: number;
  memberId: string;
  groupInstanceId?: string | null;
  topics: {
    name: string;
    partitions: {
      partitionIndex: number;
      committedOffset: bigint;
      committedLeaderEpoch?: number;
      committedMetadata: string | null;
    }[];
  }[];
}

export interface CommitOffsetsOutput {
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[];
}

export interface FetchedPartition {
  partitionIndex: number;
  /** -1 when nothing is committed. */
  committedOffset: bigint;
  committedLeaderEpoch: number;
  metadata: string | null;
  errorCode: number;
}

export interface FetchOffsetsOutput {
  errorCode: number;
  topics: { name: string; partitions: FetchedPartition[] }[];
}

export interface DescribedMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  /** The chosen protocol's metadata; empty unless the group is Stable (as Kafka answers). */
  memberMetadata: Buffer;
  /** Empty unless the group is Stable. */
  memberAssignment: Buffer;
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  groupState: GroupStateName;
  protocolType: string;
  /** The chosen protocol when Stable, '' otherwise. */
  protocolData: string;
  members: DescribedMember[];
}

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  groupState: GroupStateName;
}
