// Replica placement, as Kafka spreads it: partition p of a topic with replication factor r over the
// nodes n[0..N-1] gets replicas n[(start+p)%N], n[(start+p+1)%N], ... so leaders (the first replica)
// rotate across nodes and no node holds two replicas of one partition.

/** Replica lists for partitions `first..first+count-1` of one topic. */
export function assignReplicas(
  nodeIds: readonly number[],
  first: number,
  count: number,
  replicationFactor: number,
  start: number,
): number[][] {
  const n = nodeIds.length;
  if (replicationFactor < 1 || replicationFactor > n) {
    throw new Error(`replication factor ${replicationFactor} needs 1..${n} nodes`);
  }
  const out: number[][] = [];
  for (let p = first; p < first + count; p++) {
    const replicas: number[] = [];
    for (let r = 0; r < replicationFactor; r++) replicas.push(nodeIds[(start + p + r) % n]!);
    out.push(replicas);
  }
  return out;
}
