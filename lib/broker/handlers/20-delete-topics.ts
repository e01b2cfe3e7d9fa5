// DeleteTopics: v0-1
//
// Behavior:
// * Served by the controller only (others answer NOT_CONTROLLER).
// * Removes the topic from the cluster metadata (persisted once per request) and its partitions from the store;
//   waiting Fetches on it are woken and see UNKNOWN_TOPIC_OR_PARTITION.
// * Every consumer group forgets its committed offsets of the deleted topic.
// * UNKNOWN_TOPIC_OR_PARTITION for a topic that does not exist.
// * With an authorizer: a topic the principal may not DESCRIBE answers TOPIC_AUTHORIZATION_FAILED
//   whether it exists or not; then UNKNOWN_TOPIC_OR_PARTITION; then DELETE on the topic
//   (TOPIC_AUTHORIZATION_FAILED), as Kafka checks them.
import { dropTopicOffsets } from '../groups';
import { ApiKey, type DeleteTopicsRequest, type DeleteTopicsResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, topicAllowed } from './authorize';
import { defineHandler, type HandlerContext } from './types';

export default defineHandler<DeleteTopicsRequest, DeleteTopicsResponse>({
  key: ApiKey.DeleteTopics,
  min: 0,
  max: 1,
  handle(req, ctx) {
    return ctx.cluster.persistOnce(() => deleteAll(req, ctx));
  },
});

async function deleteAll(req: DeleteTopicsRequest, ctx: HandlerContext): Promise<DeleteTopicsResponse> {
  const responses: DeleteTopicsResponse['responses'] = [];
  for (const name of req.topicNames ?? []) {
    if (ctx.cluster.controllerId !== ctx.nodeId) {
      responses.push({ name, errorCode: ErrorCode.NOT_CONTROLLER });
      continue;
    }
    if (!topicAllowed(ctx, AclOperation.DESCRIBE, name)) {
      responses.push({ name, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED });
      continue;
    }
    if (ctx.cluster.topic(name) && !topicAllowed(ctx, AclOperation.DELETE, name)) {
      responses.push({ name, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED });
      continue;
    }
    const deleted = ctx.cluster.deleteTopic(name);
    if (deleted) await dropTopicOffsets(ctx.runtime, name);
    responses.push({ name, errorCode: deleted ? ErrorCode.NONE : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION });
  }
  return { throttleTimeMs: 0, responses };
}
