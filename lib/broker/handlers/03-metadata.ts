// Metadata: v0-4
//
// Behavior:
// * Brokers: the live nodes with host, port and rack (v1+); cluster id (v2+); controller id (v1+).
// * Topics: a null list (v1+) or an empty list in v0 means every topic; internal topics flagged (v1+).
// * Per partition: leader (first live replica, -1 if none), replicas, ISR (live replicas), offline
//   replicas (v5+ only, so not on the wire here); a partition with no live replica reports
//   LEADER_NOT_AVAILABLE.
// * A named topic that does not exist is auto-created when the broker allows it and the request does
//   (allowAutoTopicCreation, v4+; always in v0-3, as Kafka did), else UNKNOWN_TOPIC_OR_PARTITION;
//   an illegal name gets INVALID_TOPIC_EXCEPTION. Topics auto-created by one request are persisted
//   together, and get the dynamic broker-level topic defaults.
// * With an authorizer: an all-topics request lists only the topics the principal may DESCRIBE; a
//   named topic it may not describe answers TOPIC_AUTHORIZATION_FAILED (whether it exists or not),
//   and auto-creation needs CREATE on the CLUSTER or on the topic (TOPIC_AUTHORIZATION_FAILED
//   otherwise), as Kafka does.
import { applyBrokerDefaults } from '../admin/dynamic-broker-configs';
import type { Cluster, TopicState } from '../cluster/cluster';
import { isLegalTopicName } from '../cluster/cluster';
import { ApiKey, type MetadataRequest, type MetadataResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, clusterAllowed, topicAllowed } from './authorize';
import { encodeAllTopicsMetadata, FAST_METADATA_MAX_VERSION } from './metadata-encode';
import { defineHandler, EncodedResponse, type HandlerContext } from './types';

type ResponseTopic = MetadataResponse['topics'][number];

export default defineHandler<MetadataRequest, MetadataResponse>({
  key: ApiKey.Metadata,
  min: 0,
  max: 4,
  handle(req, ctx) {
    if (isAllTopics(req, ctx.version) && ctx.version <= FAST_METADATA_MAX_VERSION) return allTopicsEncoded(ctx);
    return ctx.cluster.persistOnce(() => answer(req, ctx));
  },
});

const isAllTopics = (req: MetadataRequest, version: number) => req.topics === null || (version === 0 && req.topics.length === 0);

/** Every topic the principal may describe, written by hand (metadata-encode.ts): the same bytes as
 * answer() encoded by the codec, without a response object per partition. */
function allTopicsEncoded(ctx: HandlerContext): EncodedResponse {
  const { cluster } = ctx;
  const topics: TopicState[] = [];
  for (const t of cluster.topics.values()) if (topicAllowed(ctx, AclOperation.DESCRIBE, t.name, true)) topics.push(t);
  const brokers = cluster.liveNodes().map((n) => ({ nodeId: n.id, host: n.host, port: n.port, rack: n.rack }));
  return new EncodedResponse(encodeAllTopicsMetadata(ctx.version, cluster, brokers, topics));
}

function answer(req: MetadataRequest, ctx: HandlerContext): MetadataResponse {
  const { cluster, version } = ctx;
  const all = isAllTopics(req, version);
  const topics: ResponseTopic[] = [];
  if (all) {
    for (const t of cluster.topics.values()) {
      if (topicAllowed(ctx, AclOperation.DESCRIBE, t.name, true)) topics.push(describeTopic(cluster, t));
    }
  } else {
    const allowCreate = (version < 4 || req.allowAutoTopicCreation !== false) && cluster.options.autoCreateTopics;
    const created: string[] = [];
    for (const { name } of req.topics ?? []) {
      if (name === null) continue;
      if (!topicAllowed(ctx, AclOperation.DESCRIBE, name)) {
        topics.push(missing(name, ErrorCode.TOPIC_AUTHORIZATION_FAILED));
        continue;
      }
      let t = cluster.topic(name);
      if (!t && !isLegalTopicName(name)) {
        topics.push(missing(name, ErrorCode.INVALID_TOPIC_EXCEPTION));
        continue;
      }
      if (!t && allowCreate) {
        if (!clusterAllowed(ctx, AclOperation.CREATE, true) && !topicAllowed(ctx, AclOperation.CREATE, name)) {
          topics.push(missing(name, ErrorCode.TOPIC_AUTHORIZATION_FAILED));
          continue;
        }
        t = cluster.autoCreateTopic(name);
        if (t) created.push(name);
        // Kafka answers the creating request with LEADER_NOT_AVAILABLE; ours is ready at once.
      }
      topics.push(t ? describeTopic(cluster, t) : missing(name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
    }
    if (created.length > 0) applyBrokerDefaults(ctx.runtime, created);
  }
  return {
    throttleTimeMs: 0,
    brokers: cluster.liveNodes().map((n) => ({ nodeId: n.id, host: n.host, port: n.port, rack: n.rack })),
    clusterId: cluster.clusterId,
    controllerId: cluster.controllerId,
    topics,
  };
}

function describeTopic(cluster: Cluster, t: TopicState): ResponseTopic {
  return {
    errorCode: ErrorCode.NONE,
    name: t.name,
    isInternal: t.internal,
    partitions: t.partitions.map((p) => {
      const leaderId = cluster.leaderOf(p);
      return {
        errorCode: leaderId < 0 ? ErrorCode.LEADER_NOT_AVAILABLE : ErrorCode.NONE,
        partitionIndex: p.index,
        leaderId,
        leaderEpoch: p.leaderEpoch,
        replicaNodes: p.replicas,
        isrNodes: cluster.isrOf(p),
        offlineReplicas: cluster.offlineReplicasOf(p),
      };
    }),
  };
}

function missing(name: string, errorCode: number): ResponseTopic {
  return { errorCode, name, isInternal: false, partitions: [] };
}
