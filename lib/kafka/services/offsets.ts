// The offset-reset wizard: preview computes, per partition in scope, the current and new offsets and
// the lag before and after, and changes nothing; reset computes the very same plan and commits those
// absolute offsets (never -1/-2) with an admin-style OffsetCommit (generation -1, no member), which
// Kafka accepts only while the group has no members — so a group with members is refused with 409.
import 'server-only';
import { invalid, conflict } from '../errors';
import type { ResetOffsetsRequest, ResetPreview } from '../../schemas/group';
import { invalidate } from '../connection/cache-keys';
import type { ClusterClients } from '../connection/clients';
import { markChanged } from '../groups/group-index';
import { committedOffsets, describeGroups } from '../groups/groups-data';
import { requirePartition, requireTopic } from '../reading/metadata';
import { planReset, type PartitionState, type PlannedReset } from '../groups/reset-plan';
import { getWatermarks, listOffsets, tpKey, watermarkOf } from '../reading/watermarks';

async function scope(clients: ClusterClients, groupId: string, req: ResetOffsetsRequest): Promise<PartitionState[]> {
  const committed = await committedOffsets(clients, groupId);
  let topics: string[];
  if (req.topic) topics = [req.topic];
  else {
    topics = [...new Set(committed.map((c) => c.topic))].sort();
    if (topics.length === 0) throw invalid(`Consumer group "${groupId}" has no committed offsets; choose a topic to reset.`, 'topic');
  }
  const tps: { topic: string; partition: number }[] = [];
  for (const name of topics) {
    const t = await requireTopic(clients, name);
    const parts = req.partitions ? req.partitions.map((p) => requirePartition(t, p)) : t.partitions;
    for (const p of parts) tps.push({ topic: name, partition: p.partition });
  }
  invalidate.watermarks(clients.cache);
  const [wm, atTs] = await Promise.all([
    getWatermarks(clients, tps),
    req.mode === 'timestamp' ? listOffsets(clients, tps, req.timestamp!) : Promise.resolve(null),
  ]);
  const current = new Map(committed.map((c) => [tpKey(c), c.offset]));
  return tps.map((tp) => {
    const w = watermarkOf(wm, tp.topic, tp.partition);
    if (!w) throw conflict(`Partition ${tp.partition} of "${tp.topic}" has no reachable leader; its watermarks are unknown.`);
    return { ...tp, current: current.get(tpKey(tp)) ?? null, low: w.low, high: w.high, atTimestamp: atTs ? (atTs.get(tpKey(tp)) ?? null) : undefined };
  });
}

function toDto(groupId: string, applied: boolean, plan: PlannedReset[]): ResetPreview {
  return {
    groupId,
    applied,
    partitions: plan.map((p) => ({
      topic: p.topic,
      partition: p.partition,
      current: p.current === null ? null : p.current.toString(),
      target: p.target.toString(),
      low: p.low.toString(),
      high: p.high.toString(),
      lagBefore: p.lagBefore === null ? null : p.lagBefore.toString(),
      lagAfter: p.lagAfter.toString(),
    })),
  };
}

export async function previewReset(clients: ClusterClients, groupId: string, req: ResetOffsetsRequest): Promise<ResetPreview> {
  return toDto(groupId, false, planReset(req, await scope(clients, groupId, req)));
}

export async function applyReset(clients: ClusterClients, groupId: string, req: ResetOffsetsRequest): Promise<ResetPreview> {
  invalidate.groupDescription(clients.cache, groupId);
  const d = (await describeGroups(clients, [groupId])).get(groupId);
  if (d && d.members.length > 0) {
    throw conflict(`Consumer group "${groupId}" has ${d.members.length} active member(s) (state ${d.state}); stop its consumers before resetting offsets.`);
  }
  const plan = planReset(req, await scope(clients, groupId, req));
  const byTopic = new Map<string, { partition: number; offset: string }[]>();
  for (const p of plan) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), { partition: p.partition, offset: p.target.toString() }]);
  await clients.writes.raw(async (cluster) => {
    const coordinator = await cluster.findGroupCoordinator({ groupId });
    await coordinator.offsetCommit({
      groupId,
      groupGenerationId: -1,
      memberId: '',
      retentionTime: -1,
      topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })),
    });
  });
  invalidate.group(clients.cache, groupId);
  markChanged(clients, groupId);
  return toDto(groupId, true, plan);
}
