// One consumer group's state, as Kafka's GroupMetadata keeps it: members, leader, generation, chosen
// protocol and committed offsets, plus the rules that need no clock (who may join, which protocol wins,
// what DescribeGroups shows). Timers and state transitions that wait on clients live in coordinator.ts.

import type {
  DescribedGroup,
  GroupStateName,
  JoinGroupMember,
  JoinGroupOutput,
  ProtocolOffer,
  SyncGroupOutput,
} from './types';
import type { GroupMetadataValue, OffsetCommitValue } from './records';

type Timer = ReturnType<typeof setTimeout>;

export class Member {
  assignment: Buffer = Buffer.alloc(0);
  /** Joined during the current rebalance and has not yet received a JoinGroup answer. */
  isNew = false;
  joinWaiter: ((answer: JoinGroupOutput) => void) | null = null;
  syncWaiter: ((answer: SyncGroupOutput) => void) | null = null;
  heartbeatTimer: Timer | null = null;

  constructor(
    readonly memberId: string,
    public groupInstanceId: string | null,
    public clientId: string,
    public clientHost: string,
    public rebalanceTimeoutMs: number,
    public sessionTimeoutMs: number,
    public protocolType: string,
    public protocols: ProtocolOffer[],
  ) {}

  /** Same protocols with the same metadata in the same order: a rejoin that changes nothing. */
  matches(protocols: ProtocolOffer[]): boolean {
    return (
      protocols.length === this.protocols.length &&
      protocols.every((p, i) => {
        const mine = this.protocols[i];
        return mine !== undefined && mine.name === p.name && mine.metadata.equals(p.metadata);
      })
    );
  }

  metadataFor(protocol: string): Buffer {
    return this.protocols.find((p) => p.name === protocol)?.metadata ?? Buffer.alloc(0);
  }
}

export class Group {
  state: GroupStateName = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  currentStateTimestamp: number | null = null;
  /** Insertion order matters: when the leader goes, the oldest remaining member leads. */
  readonly members = new Map<string, Member>();
  /** Member ids handed out with MEMBER_ID_REQUIRED, each expiring after its session timeout. */
  readonly pendingMembers = new Map<string, Timer | null>();
  /** Members that got a JoinGroup answer this generation but have not sent SyncGroup yet. */
  readonly pendingSyncMembers = new Set<string>();
  /** topic -> partition -> committed offset. */
  readonly offsets = new Map<string, Map<number, OffsetCommitValue>>();

  /** Completes (or gives up on) the PreparingRebalance phase. */
  joinTimer: Timer | null = null;
  /** Removes members that never send SyncGroup after a JoinGroup answer. */
  syncTimer: Timer | null = null;
  /** Set while the initial rebalance delay of an Empty group runs: time still allowed beyond it. */
  initialDelayRemainingMs: number | null = null;
  newMemberAdded = false;

  constructor(readonly groupId: string) {}

  transition(state: GroupStateName, nowMs: number): void {
    this.state = state;
    this.currentStateTimestamp = nowMs;
  }

  initialRebalanceDelayActive(): boolean {
    return this.initialDelayRemainingMs !== null;
  }

  isLeader(memberId: string): boolean {
    return this.leaderId === memberId;
  }

  /** The longest rebalance timeout among members: how long a rebalance may wait for rejoins. */
  rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  hasAllMembersJoined(): boolean {
    for (const m of this.members.values()) if (!m.joinWaiter) return false;
    return this.pendingMembers.size === 0;
  }

  hasOffsets(): boolean {
    return this.offsets.size > 0;
  }

  memberByInstanceId(groupInstanceId: string): Member | undefined {
    for (const m of this.members.values()) if (m.groupInstanceId === groupInstanceId) return m;
    return undefined;
  }

  add(member: Member): void {
    if (this.members.size === 0) this.protocolType = member.protocolType;
    if (this.leaderId === null) this.leaderId = member.memberId;
    this.members.set(member.memberId, member);
    this.clearPending(member.memberId);
  }

  remove(memberId: string): void {
    this.members.delete(memberId);
    if (this.isLeader(memberId)) this.leaderId = this.members.keys().next().value ?? null;
    this.clearPending(memberId);
    this.pendingSyncMembers.delete(memberId);
  }

  clearPending(memberId: string): void {
    const timer = this.pendingMembers.get(memberId);
    if (timer != null) clearTimeout(timer);
    this.pendingMembers.delete(memberId);
  }

  /**
   * Whether a member offering these protocols may join. An Empty group takes any non-empty offer; a
   * live group needs the same protocol type and one protocol every other member also supports.
   * (Kafka also counts the joining member's previous offer, so a lone member cannot switch assignor;
   * we leave the joining member out of the count.)
   */
  supportsProtocols(protocolType: string, protocols: ProtocolOffer[], joiningMemberId: string): boolean {
    if (this.state === 'Empty' || this.members.size === 0) return protocolType !== '' && protocols.length > 0;
    if (this.protocolType !== protocolType) return false;
    const others = [...this.members.values()].filter((m) => m.memberId !== joiningMemberId);
    return protocols.some((p) => others.every((m) => m.protocols.some((q) => q.name === p.name)));
  }

  /**
   * Kafka's selectProtocol: among protocols every member supports, each member votes for its most
   * preferred one and the most votes win; ties go to the leader's order of preference.
   */
  selectProtocol(): string | null {
    const members = [...this.members.values()];
    const leader = (this.leaderId !== null ? this.members.get(this.leaderId) : undefined) ?? members[0];
    if (leader === undefined) return null;
    const candidates = leader.protocols
      .map((p) => p.name)
      .filter((name) => members.every((m) => m.protocols.some((q) => q.name === name)));
    if (candidates.length === 0) return null;
    const votes = new Map<string, number>();
    for (const m of members) {
      const vote = m.protocols.find((p) => candidates.includes(p.name))?.name;
      if (vote !== undefined) votes.set(vote, (votes.get(vote) ?? 0) + 1);
    }
    let best = candidates[0] ?? null;
    let bestVotes = -1;
    for (const name of candidates) {
      const n = votes.get(name) ?? 0;
      if (n > bestVotes) {
        best = name;
        bestVotes = n;
      }
    }
    return best;
  }

  /** The leader's view in a JoinGroup answer: every member's metadata for the chosen protocol. */
  currentMemberMetadata(): JoinGroupMember[] {
    const protocol = this.protocolName ?? '';
    return [...this.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      metadata: m.metadataFor(protocol),
    }));
  }

  describe(): DescribedGroup {
    const stable = this.state === 'Stable';
    const protocol = stable ? (this.protocolName ?? '') : '';
    return {
      errorCode: 0,
      groupId: this.groupId,
      groupState: this.state,
      protocolType: this.protocolType ?? '',
      protocolData: protocol,
      members: [...this.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        memberMetadata: stable ? m.metadataFor(protocol) : Buffer.alloc(0),
        memberAssignment: stable ? m.assignment : Buffer.alloc(0),
      })),
    };
  }

  /** The group metadata record Kafka writes after a leader's SyncGroup or when the group empties. */
  toRecord(): GroupMetadataValue {
    const protocol = this.protocolName ?? '';
    return {
      protocolType: this.protocolType ?? '',
      generationId: this.generationId,
      protocolName: this.protocolName,
      leader: this.leaderId,
      currentStateTimestamp: this.currentStateTimestamp ?? -1,
      members: [...this.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        rebalanceTimeoutMs: m.rebalanceTimeoutMs,
        sessionTimeoutMs: m.sessionTimeoutMs,
        subscription: m.metadataFor(protocol),
        assignment: m.assignment,
      })),
    };
  }
}
