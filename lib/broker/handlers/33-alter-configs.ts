// AlterConfigs: v0-1
//
// Behavior:
// * Topics: Kafka's full-replace semantics — the given configs become the topic's whole override set,
//   keys not given return to their defaults. Every value is validated by topic-config.ts first;
//   the first problem answers INVALID_CONFIG with its message and changes nothing.
// * The new configs take effect at once (the partition logs get them) and are persisted, once per
//   request.
// * validateOnly checks everything and changes nothing.
// * UNKNOWN_TOPIC_OR_PARTITION for a topic that does not exist.
// * Brokers: their settings are fixed at start-up; an empty set is accepted, anything else is
//   INVALID_CONFIG. Other resource types: INVALID_REQUEST.
import { ResourceType } from '../admin/config-source';
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
    return ctx.cluster.persistOnce(async () => {
      const responses: Answer[] = [];
      for (const r of req.resources) responses.push(await alter(ctx, r, req.validateOnly));
      return { throttleTimeMs: 0, responses };
    });
  },
});

async function alter(ctx: HandlerContext, r: Resource, validateOnly: boolean): Promise<Answer> {
  const answer = (errorCode: number, errorMessage: string | null): Answer => ({
    errorCode,
    errorMessage,
    resourceType: r.resourceType,
    resourceName: r.resourceName,
  });
  switch (r.resourceType) {
    case ResourceType.TOPIC: {
      if (!ctx.cluster.topic(r.resourceName)) return answer(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${r.resourceName} does not exist`);
      const next = replacementConfigs(r.configs);
      if (!next.ok) return answer(ErrorCode.INVALID_CONFIG, next.message);
      if (!validateOnly) ctx.cluster.setTopicConfigs(r.resourceName, next.configs);
      return answer(ErrorCode.NONE, null);
    }
    case ResourceType.BROKER: {
      const first = r.configs[0];
      if (first === undefined) return answer(ErrorCode.NONE, null);
      return answer(ErrorCode.INVALID_CONFIG, `Broker config ${first.name} cannot be altered: the embedded broker's settings are fixed at start-up`);
    }
    default:
      return answer(ErrorCode.INVALID_REQUEST, `Resource type ${r.resourceType} is not supported`);
  }
}
