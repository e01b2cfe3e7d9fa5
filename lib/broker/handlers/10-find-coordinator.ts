// FindCoordinator: v0-2
//
// Behavior:
// * Group keys (keyType 0): the coordinator is the leader of `__consumer_offsets` partition
//   partitionForGroup(key, n), as in Kafka; the topic is created on the first request (like Kafka).
// * COORDINATOR_NOT_AVAILABLE when that partition has no live leader (its node is stopped).
// * Any node answers; the answer names the coordinating node's advertised host and port.
// * Transaction keys (keyType 1, v1+) get INVALID_REQUEST with a message: transactions are not
//   served by the embedded broker (idempotent producers are).
// * v0 has no error message or throttle time.
// * With an authorizer: DESCRIBE on the group, else GROUP_AUTHORIZATION_FAILED.
import { groupsOf } from '../groups';
import { ApiKey, type FindCoordinatorRequest, type FindCoordinatorResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, groupAllowed } from './authorize';
import { defineHandler } from './types';

const NO_NODE = { nodeId: -1, host: '', port: -1 };

export default defineHandler<FindCoordinatorRequest, FindCoordinatorResponse>({
  key: ApiKey.FindCoordinator,
  min: 0,
  max: 2,
  async handle(req, ctx) {
    const fail = (errorCode: number, errorMessage: string): FindCoordinatorResponse => ({
      throttleTimeMs: 0,
      errorCode,
      errorMessage,
      ...NO_NODE,
    });
    if ((req.keyType ?? 0) !== 0) {
      return fail(ErrorCode.INVALID_REQUEST, 'Transactions are not supported by this broker');
    }
    if (!groupAllowed(ctx, AclOperation.DESCRIBE, req.key ?? '')) return fail(ErrorCode.GROUP_AUTHORIZATION_FAILED, 'Group authorization failed.');
    const groups = await groupsOf(ctx.runtime);
    const found = groups.lookup(req.key ?? '');
    if (!found.ok) return fail(found.errorCode, `No leader for __consumer_offsets-${found.partition}`);
    const node = ctx.cluster.node(found.nodeId)!;
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, nodeId: node.id, host: node.host, port: node.port };
  },
});
