// CreateTopics: v0-3
//
// Behavior:
// * Served by the controller only (others answer NOT_CONTROLLER, and clients retry there).
// * Per topic: INVALID_TOPIC_EXCEPTION for an illegal name, TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS
//   (< 1), INVALID_REPLICATION_FACTOR (< 1 or more than live nodes), INVALID_REQUEST when both
//   counts and an assignment are given, INVALID_REPLICA_ASSIGNMENT for unknown nodes or gaps,
//   INVALID_CONFIG for configs topic-config.ts does not accept. -1 counts take the broker defaults.
// * validateOnly (v1+) checks everything and creates nothing.
// * A created topic's partitions exist in the store and the cluster metadata is persisted before the
//   answer, so a restart finds it — once for the whole request, however many topics it creates.
//   Its logs get the dynamic broker-level topic defaults (admin/dynamic-broker-configs.ts).
// * With an authorizer: CREATE on the CLUSTER, or else on each topic (TOPIC_AUTHORIZATION_FAILED).
import { applyBrokerDefaults } from '../admin/dynamic-broker-configs';
import type { Cluster } from '../cluster/cluster';
import { isLegalTopicName } from '../cluster/cluster';
import { ApiKey, type CreateTopicsRequest, type CreateTopicsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { validateTopicConfig } from '../topic-config';
import { AclOperation, clusterAllowed, topicAllowed } from './authorize';
import { defineHandler, type HandlerContext } from './types';

type Creatable = CreateTopicsRequest['topics'][number];
type Result = CreateTopicsResponse['topics'][number];

export default defineHandler<CreateTopicsRequest, CreateTopicsResponse>({
  key: ApiKey.CreateTopics,
  min: 0,
  max: 3,
  handle(req, ctx) {
    return ctx.cluster.persistOnce(() => createAll(req, ctx));
  },
});

function createAll(req: CreateTopicsRequest, ctx: HandlerContext): CreateTopicsResponse {
  const { cluster, nodeId } = ctx;
  const topics: Result[] = [];
  const seen = new Set<string>();
  const created: string[] = [];
  const mayCreateAny = clusterAllowed(ctx, AclOperation.CREATE, true);
  for (const t of req.topics) {
    if (cluster.controllerId !== nodeId) {
      topics.push({ name: t.name, errorCode: ErrorCode.NOT_CONTROLLER, errorMessage: 'This is not the controller' });
      continue;
    }
    if (seen.has(t.name)) {
      topics.push({ name: t.name, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Duplicate topic ${t.name} in request` });
      continue;
    }
    seen.add(t.name);
    if (!mayCreateAny && !topicAllowed(ctx, AclOperation.CREATE, t.name)) {
      topics.push({ name: t.name, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, errorMessage: 'Authorization failed.' });
      continue;
    }
    const plan = planTopic(cluster, t);
    if ('errorCode' in plan) {
      topics.push({ name: t.name, ...plan });
      continue;
    }
    if (!req.validateOnly) {
      cluster.createTopic(plan);
      created.push(t.name);
    }
    topics.push({ name: t.name, errorCode: ErrorCode.NONE, errorMessage: null });
  }
  if (created.length > 0) applyBrokerDefaults(ctx.runtime, created);
  return { throttleTimeMs: 0, topics };
}

type Plan =
  | { name: string; numPartitions: number; replicationFactor: number; configs: Record<string, string>; assignments?: number[][] }
  | { errorCode: number; errorMessage: string };

function planTopic(cluster: Cluster, t: Creatable): Plan {
  const err = (errorCode: number, errorMessage: string) => ({ errorCode, errorMessage });
  if (!isLegalTopicName(t.name)) return err(ErrorCode.INVALID_TOPIC_EXCEPTION, `Topic name "${t.name}" is illegal`);
  if (cluster.topic(t.name)) return err(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${t.name}' already exists.`);
  const configs: Record<string, string> = {};
  for (const c of t.configs) {
    const problem = validateTopicConfig(c.name, c.value);
    if (problem) return err(ErrorCode.INVALID_CONFIG, problem);
    configs[c.name] = c.value!.trim();
  }
  const live = cluster.liveNodes().length;
  if (t.assignments.length > 0) {
    if (t.numPartitions !== -1 || t.replicationFactor !== -1) {
      return err(ErrorCode.INVALID_REQUEST, 'Both numPartitions or replicationFactor and replicasAssignments were set');
    }
    const lists: number[][] = [];
    const sorted = [...t.assignments].sort((a, b) => a.partitionIndex - b.partitionIndex);
    for (const [i, a] of sorted.entries()) {
      if (a.partitionIndex !== i) return err(ErrorCode.INVALID_REPLICA_ASSIGNMENT, 'Partitions must be numbered 0..n-1 without gaps');
      if (a.brokerIds.length === 0 || new Set(a.brokerIds).size !== a.brokerIds.length) {
        return err(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Partition ${i} needs distinct replicas`);
      }
      if (a.brokerIds.some((id) => !cluster.node(id))) return err(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Partition ${i} names an unknown broker`);
      lists.push([...a.brokerIds]);
    }
    return { name: t.name, numPartitions: lists.length, replicationFactor: lists[0]!.length, configs, assignments: lists };
  }
  const numPartitions = t.numPartitions === -1 ? cluster.options.numPartitions : t.numPartitions;
  const replicationFactor = t.replicationFactor === -1 ? cluster.options.defaultReplicationFactor : t.replicationFactor;
  if (numPartitions < 1) return err(ErrorCode.INVALID_PARTITIONS, 'Number of partitions must be larger than 0.');
  if (replicationFactor < 1) return err(ErrorCode.INVALID_REPLICATION_FACTOR, 'Replication factor must be larger than 0.');
  if (replicationFactor > live) {
    return err(ErrorCode.INVALID_REPLICATION_FACTOR, `Replication factor: ${replicationFactor} larger than available brokers: ${live}.`);
  }
  return { name: t.name, numPartitions, replicationFactor, configs };
}
