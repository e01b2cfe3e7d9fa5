// Which nodes are up, and what follows from that: the controller, each partition's leader, ISR and
// offline replicas. None of it is stored: a partition's leader is its first live replica, its ISR
// the live replicas, its offline replicas the stopped ones, so stopping or starting a node moves
// leadership by itself. The one thing a move changes is the partition's leader epoch, bumped here.
import type { ClusterNode, PartitionState } from './state';

export class Liveness {
  constructor(readonly nodes: ClusterNode[]) {}

  node(id: number): ClusterNode | undefined {
    return this.nodes.find((n) => n.id === id);
  }

  liveNodes(): ClusterNode[] {
    return this.nodes.filter((n) => n.up);
  }

  /** The controller: the lowest live node id, or -1 when every node is down. */
  get controllerId(): number {
    let id = -1;
    for (const n of this.nodes) if (n.up && (id < 0 || n.id < id)) id = n.id;
    return id;
  }

  isUp(nodeId: number): boolean {
    return this.node(nodeId)?.up ?? false;
  }

  leaderOf(p: PartitionState): number {
    for (const r of p.replicas) if (this.isUp(r)) return r;
    return -1;
  }

  /**
   * Marks a node up or down. Each of `partitions` whose leader changes gets a new leader epoch and
   * is then passed to `onLeaderMoved`. False when the node is unknown or already in that state.
   */
  setNodeUp(nodeId: number, up: boolean, partitions: Iterable<PartitionState>, onLeaderMoved: (p: PartitionState) => void): boolean {
    const node = this.node(nodeId);
    if (!node || node.up === up) return false;
    const before = new Map<PartitionState, number>();
    for (const p of partitions) before.set(p, this.leaderOf(p));
    node.up = up;
    for (const [p, leader] of before) {
      if (this.leaderOf(p) !== leader) {
        p.leaderEpoch++;
        onLeaderMoved(p);
      }
    }
    return true;
  }
}
