// IncrementalAlterConfigs: v0
//
// Behavior:
// * Per config: SET (0), DELETE (1), APPEND (2) and SUBTRACT (3) as Kafka applies them
//   (admin/incremental-configs.ts): APPEND/SUBTRACT only for list-typed configs (INVALID_CONFIG
//   otherwise), a key named twice in one resource INVALID_REQUEST, an unknown operation
//   INVALID_REQUEST.
// * Topics: the operations change the topic's overrides; every resulting value is validated by
//   topic-config.ts (INVALID_CONFIG with the first problem, nothing changed). Takes effect at once and
//   the topic metadata is persisted once per request. UNKNOWN_TOPIC_OR_PARTITION for a missing topic.
// * Brokers (name "<id>" for one node, "" for the cluster-wide default): the operations change that
//   entity's dynamic broker configs. Only settings the embedded broker applies at run time are
//   accepted (admin/dynamic-broker-configs.ts: log.retention.ms, log.retention.bytes,
//   log.segment.bytes, log.message.timestamp.type, log.cleaner.delete.retention.ms,
//   message.max.bytes); any other SET, or a bad value, is INVALID_REQUEST worded as Kafka's ("Invalid
//   config value for resource ...: Cannot update these configs dynamically: ..."). They take effect
//   at once on every partition they govern and are written to the store before the answer.
//   An unknown node is INVALID_REQUEST.
// * validateOnly checks everything and changes nothing. A resource named twice is INVALID_REQUEST.
// * With an authorizer: ALTER_CONFIGS on the topic (TOPIC_AUTHORIZATION_FAILED) or on the CLUSTER
//   for broker resources (CLUSTER_AUTHORIZATION_FAILED).
// * v1 (flexible) is not advertised; clients use v0.
import { AclOperation, AclResourceType, CLUSTER_RESOURCE_NAME } from '../acl';
import { ResourceType } from '../admin/config-source';
import { applyBrokerDefaults, brokerConfigsOf, brokerEntity } from '../admin/dynamic-broker-configs';
import { incrementalBrokerConfigs, incrementalTopicConfigs } from '../admin/incremental-configs';
import { ApiKey, type IncrementalAlterConfigsRequest, type IncrementalAlterConfigsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { defineHandler, type HandlerContext } from './types';

type Resource = IncrementalAlterConfigsRequest['resources'][number];
type Answer = IncrementalAlterConfigsResponse['responses'][number];

export default defineHandler<IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse>({
  key: ApiKey.IncrementalAlterConfigs,
  min: 0,
  max: 0,
  handle(req, ctx) {
    const seen = new Map<string, number>();
    for (const r of req.resources) {
      const key = `${r.resourceType}\0${r.resourceName}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return ctx.cluster.persistOnce(() => ({
      throttleTimeMs: 0,
      responses: req.resources.map((r) =>
        seen.get(`${r.resourceType}\0${r.resourceName}`)! > 1
          ? { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Error due to duplicate resources in request', resourceType: r.resourceType, resourceName: r.resourceName }
          : alter(ctx, r, req.validateOnly),
      ),
    }));
  },
});

function alter(ctx: HandlerContext, r: Resource, validateOnly: boolean): Answer {
  const answer = (errorCode: number, errorMessage: string | null): Answer => ({
    errorCode,
    errorMessage,
    resourceType: r.resourceType,
    resourceName: r.resourceName,
  });
  switch (r.resourceType) {
    case ResourceType.TOPIC: {
      if (!ctx.access.allows(AclOperation.ALTER_CONFIGS, AclResourceType.TOPIC, r.resourceName)) {
        return answer(ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'Topic authorization failed.');
      }
      const topic = ctx.cluster.topic(r.resourceName);
      if (!topic) return answer(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${r.resourceName} does not exist`);
      const next = incrementalTopicConfigs(topic.configs, r.configs);
      if (!next.ok) return answer(next.errorCode, next.message);
      if (!validateOnly) {
        ctx.cluster.setTopicConfigs(r.resourceName, next.configs);
        applyBrokerDefaults(ctx.runtime, [r.resourceName]);
      }
      return answer(ErrorCode.NONE, null);
    }
    case ResourceType.BROKER: {
      if (!ctx.access.allows(AclOperation.ALTER_CONFIGS, AclResourceType.CLUSTER, CLUSTER_RESOURCE_NAME)) {
        return answer(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
      }
      const entity = brokerEntity(ctx.runtime, r.resourceName);
      if (entity === null) return answer(ErrorCode.INVALID_REQUEST, `Unknown broker ${r.resourceName}`);
      const dynamic = brokerConfigsOf(ctx.runtime);
      const next = incrementalBrokerConfigs(dynamic.get(entity), r.configs, r.resourceName);
      if (!next.ok) return answer(next.errorCode, next.message);
      if (!validateOnly) {
        dynamic.set(entity, next.configs);
        dynamic.apply(ctx.cluster.topics.values());
      }
      return answer(ErrorCode.NONE, null);
    }
    default:
      return answer(ErrorCode.INVALID_REQUEST, `Resource type ${r.resourceType} is not supported`);
  }
}
