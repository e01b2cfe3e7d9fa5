// AlterConfigs: v0-1
//
// Behavior:
// * Topics: Kafka's full-replace semantics — the given configs become the topic's whole override set,
//   keys not given return to their defaults. Every value is validated by topic-config.ts first;
//   the first problem answers INVALID_CONFIG with its message and changes nothing.
// * Brokers (name "<id>" for one node, "" for the cluster-wide default): the same full-replace
//   semantics over that entity's dynamic broker configs. Only the settings the embedded broker
//   applies at run time are accepted (admin/dynamic-broker-configs.ts); any other name, or a bad
//   value, is INVALID_REQUEST worded as Kafka's ("Invalid config value for resource ...: Cannot
//   update these configs dynamically: ..."). An unknown node is INVALID_REQUEST.
// * The new configs take effect at once (the partition logs get them) and are persisted before the
//   answer; topic metadata once per request.
// * validateOnly checks everything and changes nothing.
// * UNKNOWN_TOPIC_OR_PARTITION for a topic that does not exist; other resource types INVALID_REQUEST.
// * With an authorizer: ALTER_CONFIGS on the topic (TOPIC_AUTHORIZATION_FAILED) or on the CLUSTER
//   for broker resources (CLUSTER_AUTHORIZATION_FAILED).
import { AclOperation, AclResourceType, CLUSTER_RESOURCE_NAME } from '../acl';
import { ResourceType } from '../admin/config-source';
import { applyBrokerDefaults, brokerConfigsOf, brokerEntity } from '../admin/dynamic-broker-configs';
import { replacementBrokerConfigs } from '../admin/incremental-configs';
import { replacementConfigs } from '../admin/topic-configs';
import { ApiKey, type AlterConfigsRequest, type AlterConfigsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { defineHandler, type HandlerContext } from './types';

type Resource = AlterConfigsRequest['resources'][number];
type Answer = AlterConfigsResponse['responses'][number];

export default defineHandler<AlterConfigsRequest, AlterConfigsResponse>({
  key: ApiKey.AlterConfigs,
  min: 0,
  max: 1,
  handle(req, ctx) {
    return ctx.cluster.persistOnce(() => ({
      throttleTimeMs: 0,
      responses: req.resources.map((r) => alter(ctx, r, req.validateOnly)),
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
      if (!ctx.cluster.topic(r.resourceName)) return answer(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${r.resourceName} does not exist`);
      const next = replacementConfigs(r.configs);
      if (!next.ok) return answer(ErrorCode.INVALID_CONFIG, next.message);
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
      const next = replacementBrokerConfigs(r.configs, r.resourceName);
      if (!next.ok) return answer(next.errorCode, next.message);
      if (!validateOnly) {
        const dynamic = brokerConfigsOf(ctx.runtime);
        dynamic.set(entity, next.configs);
        dynamic.apply(ctx.cluster.topics.values());
      }
      return answer(ErrorCode.NONE, null);
    }
    default:
      return answer(ErrorCode.INVALID_REQUEST, `Resource type ${r.resourceType} is not supported`);
  }
}
