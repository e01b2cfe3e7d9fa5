// The rebalance protocol of Kafka's classic group coordinator — JoinGroup, SyncGroup, Heartbeat and
// LeaveGroup with the timers that drive them — as the class GroupCoordinator (coordinator.ts)
// extends with offsets, admin and startup. Where to look:
//   join.ts       JoinGroup: new, known and static members
//   sync.ts       SyncGroup: the leader's assignment, followers waiting for it
//   rebalance.ts  PreparingRebalance -> CompletingRebalance -> Stable, initial delay, sync deadline
//   heartbeat.ts  Heartbeat and session expiry
//   leave.ts      LeaveGroup and every other way a member is removed
//   answers.ts    the answers and the fencing check they share
//   state.ts      groups, settings, timers, writing group metadata
// JoinGroup and SyncGroup answer with Promises that settle when the rebalance they wait on completes.
import type { Group, Member } from '../group';
import type {
  HeartbeatInput,
  JoinGroupInput,
  JoinGroupOutput,
  LeaveGroupOutput,
  LeavingMember,
  SyncGroupInput,
  SyncGroupOutput,
} from '../types';
import { heartbeat, onSessionExpired } from './heartbeat';
import { handleJoin } from './join';
import { leaveGroup } from './leave';
import { MembershipState, type GroupCoordinatorOptions } from './state';
import { handleSync } from './sync';

export { joinError, syncError } from './answers';
export type { GroupCoordinatorOptions } from './state';

export class GroupMembership {
  protected readonly state: MembershipState;

  constructor(opts: GroupCoordinatorOptions) {
    this.state = new MembershipState(opts, (group: Group, member: Member) => onSessionExpired(this.state, group, member));
  }

  joinGroup(req: JoinGroupInput): Promise<JoinGroupOutput> {
    return new Promise((resolve) => handleJoin(this.state, req, resolve));
  }

  syncGroup(req: SyncGroupInput): Promise<SyncGroupOutput> {
    return new Promise((resolve) => handleSync(this.state, req, resolve));
  }

  heartbeat(req: HeartbeatInput): { errorCode: number } {
    return heartbeat(this.state, req);
  }

  leaveGroup(groupId: string, members: LeavingMember[]): LeaveGroupOutput {
    return leaveGroup(this.state, groupId, members);
  }
}
