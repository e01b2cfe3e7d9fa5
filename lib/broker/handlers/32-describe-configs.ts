// DescribeConfigs: v0-2
//
// Behavior:
// * Topics (resource type 2): every key topic-config.ts knows, the topic's own overrides as
//   DYNAMIC_TOPIC_CONFIG and the rest as DEFAULT_CONFIG; UNKNOWN_TOPIC_OR_PARTITION for a topic that
//   does not exist.
// * Brokers (resource type 4, name = node id): the broker's own small table of settings, read-only.
// * configurationKeys null = all keys; named keys the broker does not know are left out.
// * v0 reports isDefault; v1+ configSource, and synonyms when includeSynonyms is set (the key itself
//   if overridden, then its broker-level synonym with the default).
// * Other resource types: INVALID_REQUEST.
import { describeBrokerConfigs } from '../admin/broker-configs';
import { ResourceType, type DescribedConfig } from '../admin/config-source';
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
      const topic = ctx.cluster.topic(r.resourceName);
      if (!topic) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${r.resourceName} does not exist`);
      return ok(describeTopicConfigs(topic, r.configurationKeys, synonyms));
    }
    case ResourceType.BROKER: {
      const nodeId = r.resourceName === '' ? ctx.nodeId : Number(r.resourceName);
      if (!/^\d*$/.test(r.resourceName) || !ctx.cluster.node(nodeId)) {
        return fail(ErrorCode.INVALID_REQUEST, `Unknown broker ${r.resourceName}`);
      }
      return ok(describeBrokerConfigs(ctx.runtime, nodeId, r.configurationKeys, synonyms));
    }
    default:
      return fail(ErrorCode.INVALID_REQUEST, `Resource type ${r.resourceType} is not supported`);
  }
}
