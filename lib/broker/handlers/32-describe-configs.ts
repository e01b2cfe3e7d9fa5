// DescribeConfigs: v0-2
//
// Behavior:
// * Topics (resource type 2): every key topic-config.ts knows, the topic's own overrides as
//   DYNAMIC_TOPIC_CONFIG and the rest as DEFAULT_CONFIG; UNKNOWN_TOPIC_OR_PARTITION for a topic that
//   does not exist.
// * Brokers (resource type 4, name = node id): the broker's own small table of settings; the few
//   dynamic ones (admin/dynamic-broker-configs.ts) report a node's value as DYNAMIC_BROKER_CONFIG and
//   the cluster-wide one as DYNAMIC_DEFAULT_BROKER_CONFIG. Name "" is the cluster-wide default
//   resource: only the configs set there, as Kafka answers.
// * A topic key the topic does not override reports the dynamic broker-level value its partitions
//   use, when one is set, with that source.
// * With an authorizer: DESCRIBE_CONFIGS on the topic (TOPIC_AUTHORIZATION_FAILED) or on the CLUSTER
//   for broker resources (CLUSTER_AUTHORIZATION_FAILED).
// * configurationKeys null = all keys; named keys the broker does not know are left out.
// * v0 reports isDefault; v1+ configSource, and synonyms when includeSynonyms is set (the key itself
//   if overridden, then its broker-level synonym with the default).
// * Other resource types: INVALID_REQUEST.
import { AclOperation, AclResourceType, CLUSTER_RESOURCE_NAME } from '../acl';
import { describeBrokerConfigs, describeClusterDefaultConfigs } from '../admin/broker-configs';
import { ResourceType, type DescribedConfig } from '../admin/config-source';
import { brokerConfigsOf, brokerEntity, governingNode } from '../admin/dynamic-broker-configs';
import { describeTopicConfigs } from '../admin/topic-configs';
import { ApiKey, type DescribeConfigsRequest, type DescribeConfigsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { defineHandler, type HandlerContext } from './types';

type Result = DescribeConfigsResponse['results'][number];

export default defineHandler<DescribeConfigsRequest, DescribeConfigsResponse>({
  key: ApiKey.DescribeConfigs,
  min: 0,
  max: 2,
  handle(req, ctx) {
    const synonyms = ctx.version >= 1 && req.includeSynonyms === true;
    return {
      throttleTimeMs: 0,
      results: req.resources.map((r) => describe(ctx, r, synonyms)),
    };
  },
});

function describe(ctx: HandlerContext, r: DescribeConfigsRequest['resources'][number], synonyms: boolean): Result {
  const base = { resourceType: r.resourceType, resourceName: r.resourceName };
  const fail = (errorCode: number, errorMessage: string): Result => ({ ...base, errorCode, errorMessage, configs: [] });
  const ok = (configs: DescribedConfig[]): Result => ({ ...base, errorCode: ErrorCode.NONE, errorMessage: null, configs });
  switch (r.resourceType) {
    case ResourceType.TOPIC: {
      if (!ctx.access.allows(AclOperation.DESCRIBE_CONFIGS, AclResourceType.TOPIC, r.resourceName)) {
        return fail(ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'Topic authorization failed.');
      }
      const topic = ctx.cluster.topic(r.resourceName);
      if (!topic) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${r.resourceName} does not exist`);
      const dynamic = brokerConfigsOf(ctx.runtime);
      const node = governingNode(topic.partitions[0]);
      return ok(describeTopicConfigs(topic, r.configurationKeys, synonyms, (key) => dynamic.topicDefault(node, key)));
    }
    case ResourceType.BROKER: {
      if (!ctx.access.allows(AclOperation.DESCRIBE_CONFIGS, AclResourceType.CLUSTER, CLUSTER_RESOURCE_NAME)) {
        return fail(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
      }
      const entity = brokerEntity(ctx.runtime, r.resourceName);
      if (entity === null) return fail(ErrorCode.INVALID_REQUEST, `Unknown broker ${r.resourceName}`);
      if (entity === 'default') return ok(describeClusterDefaultConfigs(ctx.runtime, r.configurationKeys, synonyms));
      return ok(describeBrokerConfigs(ctx.runtime, entity, r.configurationKeys, synonyms));
    }
    default:
      return fail(ErrorCode.INVALID_REQUEST, `Resource type ${r.resourceType} is not supported`);
  }
}
