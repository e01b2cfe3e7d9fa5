// CreatePartitions: v0-1
//
// Behavior:
// * Increase only: a count not above the current one is INVALID_PARTITIONS with Kafka's message.
// * New partitions spread across the live nodes like a new topic's (same replication factor), or
//   follow the given assignments: one list per new partition, each naming distinct known nodes and
//   as many as the replication factor (INVALID_REPLICA_ASSIGNMENT otherwise).
// * UNKNOWN_TOPIC_OR_PARTITION for a topic that does not exist; INVALID_REQUEST for a topic named twice.
// * validateOnly checks everything and creates nothing. Answered by any node. The new partitions are
//   persisted once per request.
// * With an authorizer: ALTER on the topic, else TOPIC_AUTHORIZATION_FAILED.
// * New partitions get the dynamic broker-level topic defaults like every other partition.
import { applyBrokerDefaults } from '../admin/dynamic-broker-configs';
import type { Cluster } from '../cluster/cluster';
import { ApiKey, type CreatePartitionsRequest, type CreatePartitionsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, topicAllowed } from './authorize';
import { defineHandler, type HandlerContext } from './types';

type Wanted = CreatePartitionsRequest['topics'][number];
type Result = CreatePartitionsResponse['results'][number];

export default defineHandler<CreatePartitionsRequest, CreatePartitionsResponse>({
  key: ApiKey.CreatePartitions,
  min: 0,
  max: 1,
  handle(req, ctx) {
    return ctx.cluster.persistOnce(() => addAll(req, ctx));
  },
});

function addAll(req: CreatePartitionsRequest, ctx: HandlerContext): CreatePartitionsResponse {
  const cluster = ctx.cluster;
  const counts = new Map<string, number>();
  for (const t of req.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  const results: Result[] = [];
  for (const t of req.topics) {
    const fail = (errorCode: number, errorMessage: string) => results.push({ name: t.name, errorCode, errorMessage });
    if (counts.get(t.name)! > 1) {
      fail(ErrorCode.INVALID_REQUEST, `Duplicate topic ${t.name} in request`);
      continue;
    }
    if (!topicAllowed(ctx, AclOperation.ALTER, t.name)) {
      fail(ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'Topic authorization failed.');
      continue;
    }
    const plan = planPartitions(cluster, t);
    if ('errorCode' in plan) {
      fail(plan.errorCode, plan.errorMessage);
      continue;
    }
    if (!req.validateOnly) {
      cluster.addPartitions(t.name, t.count, plan.assignments);
      applyBrokerDefaults(ctx.runtime, [t.name]);
    }
    results.push({ name: t.name, errorCode: ErrorCode.NONE, errorMessage: null });
  }
  return { throttleTimeMs: 0, results };
}

function planPartitions(cluster: Cluster, t: Wanted): { assignments?: number[][] } | { errorCode: number; errorMessage: string } {
  const topic = cluster.topic(t.name);
  if (!topic) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `The topic '${t.name}' does not exist.` };
  const current = topic.partitions.length;
  if (t.count < current) {
    return { errorCode: ErrorCode.INVALID_PARTITIONS, errorMessage: `Topic currently has ${current} partitions, which is higher than the requested ${t.count}.` };
  }
  if (t.count === current) {
    return { errorCode: ErrorCode.INVALID_PARTITIONS, errorMessage: `Topic already has ${current} partitions.` };
  }
  const rf = topic.partitions[0]?.replicas.length ?? 1;
  if (t.assignments === null) {
    const live = cluster.liveNodes().length;
    if (rf > live) {
      return { errorCode: ErrorCode.INVALID_REPLICATION_FACTOR, errorMessage: `Replication factor: ${rf} larger than available brokers: ${live}.` };
    }
    return {};
  }
  const added = t.count - current;
  if (t.assignments.length !== added) {
    return {
      errorCode: ErrorCode.INVALID_REPLICA_ASSIGNMENT,
      errorMessage: `Increasing the number of partitions by ${added} but ${t.assignments.length} assignments provided.`,
    };
  }
  for (const [i, a] of t.assignments.entries()) {
    const ids = a.brokerIds;
    if (ids.length !== rf || new Set(ids).size !== ids.length || ids.some((id) => !cluster.node(id))) {
      return {
        errorCode: ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        errorMessage: `Assignment of new partition ${current + i} must name ${rf} distinct known brokers, got [${ids.join(', ')}].`,
      };
    }
  }
  return { assignments: t.assignments.map((a) => [...a.brokerIds]) };
}
