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
// * Answers are written straight into bytes (metadata-encode.ts): at 200,000 partitions, or 10,000
//   named topics, response objects per partition cost the single-threaded broker most of a second.
import { applyBrokerDefaults } from '../admin/dynamic-broker-configs';
import type { TopicState } from '../cluster/cluster';
import { isLegalTopicName } from '../cluster/cluster';
import { ApiKey, type MetadataRequest, type MetadataResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, clusterAllowed, topicAllowed } from './authorize';
import { encodeMetadata, METADATA_MAX_VERSION, type MissingTopic } from './metadata-encode';
import { defineHandler, EncodedResponse, type HandlerContext } from './types';

export default defineHandler<MetadataRequest, MetadataResponse>({
  key: ApiKey.Metadata,
  min: 0,
  max: METADATA_MAX_VERSION,
  handle(req, ctx) {
    if (isAllTopics(req, ctx.version)) return encoded(ctx, allowedTopics(ctx));
    return ctx.cluster.persistOnce(() => encoded(ctx, namedTopics(req, ctx)));
  },
});

const isAllTopics = (req: MetadataRequest, version: number) => req.topics === null || (version === 0 && req.topics.length === 0);

function encoded(ctx: HandlerContext, topics: readonly (TopicState | MissingTopic)[]): EncodedResponse {
  const brokers = ctx.cluster.liveNodes().map((n) => ({ nodeId: n.id, host: n.host, port: n.port, rack: n.rack }));
  return new EncodedResponse(encodeMetadata(ctx.version, ctx.cluster, brokers, topics));
}

/** Every topic the principal may describe. */
function allowedTopics(ctx: HandlerContext): TopicState[] {
  const topics: TopicState[] = [];
  for (const t of ctx.cluster.topics.values()) if (topicAllowed(ctx, AclOperation.DESCRIBE, t.name, true)) topics.push(t);
  return topics;
}

/** The topics the request names, in its order, auto-created where allowed. */
function namedTopics(req: MetadataRequest, ctx: HandlerContext): (TopicState | MissingTopic)[] {
  const { cluster, version } = ctx;
  const topics: (TopicState | MissingTopic)[] = [];
  const allowCreate = (version < 4 || req.allowAutoTopicCreation !== false) && cluster.options.autoCreateTopics;
  const created: string[] = [];
  for (const { name } of req.topics ?? []) {
    if (name === null) continue;
    if (!topicAllowed(ctx, AclOperation.DESCRIBE, name)) {
      topics.push({ name, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED });
      continue;
    }
    let t = cluster.topic(name);
    if (!t && !isLegalTopicName(name)) {
      topics.push({ name, errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION });
      continue;
    }
    if (!t && allowCreate) {
      if (!clusterAllowed(ctx, AclOperation.CREATE, true) && !topicAllowed(ctx, AclOperation.CREATE, name)) {
        topics.push({ name, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED });
        continue;
      }
      t = cluster.autoCreateTopic(name);
      if (t) created.push(name);
      // Kafka answers the creating request with LEADER_NOT_AVAILABLE; ours is ready at once.
    }
    topics.push(t ?? { name, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION });
  }
  if (created.length > 0) applyBrokerDefaults(ctx.runtime, created);
  return topics;
}
