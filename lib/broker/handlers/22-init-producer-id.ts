// InitProducerId: v0-1
//
// Behavior:
// * Idempotent producers (transactionalId null): a fresh producer id, never reused across restarts,
//   with epoch 0. The partition logs then track sequences per (producer id, partition): a re-sent
//   duplicate gets its original offset, a gap OUT_OF_ORDER_SEQUENCE_NUMBER.
// * Transactional ids are refused with INVALID_REQUEST: the embedded broker does not run
//   transactions (FindCoordinator for a transaction key says so in words).
// * With an authorizer: IDEMPOTENT_WRITE on the CLUSTER, or WRITE on at least one topic (KIP-679),
//   else CLUSTER_AUTHORIZATION_FAILED.
import { ProducerIds } from '../admin/producer-ids';
import { AclResourceType } from '../acl';
import { ApiKey, type InitProducerIdRequest, type InitProducerIdResponse } from '../protocol';
import { ErrorCode } from '../../common/kafka-error-codes';
import { AclOperation, clusterAllowed } from './authorize';
import { defineHandler } from './types';

export default defineHandler<InitProducerIdRequest, InitProducerIdResponse>({
  key: ApiKey.InitProducerId,
  min: 0,
  max: 1,
  handle(req, ctx) {
    if (req.transactionalId !== null) {
      ctx.runtime.log(`InitProducerId for transactional id ${req.transactionalId} refused: transactions are not supported`);
      return { throttleTimeMs: 0, errorCode: ErrorCode.INVALID_REQUEST, producerId: -1n, producerEpoch: -1 };
    }
    if (!clusterAllowed(ctx, AclOperation.IDEMPOTENT_WRITE, true) && !ctx.access.allowsAnyOfType(AclOperation.WRITE, AclResourceType.TOPIC)) {
      ctx.runtime.log(`authorizer: DENIED ${ctx.access.principal} InitProducerId (no IDEMPOTENT_WRITE on the cluster, no WRITE on any topic)`);
      return { throttleTimeMs: 0, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, producerId: -1n, producerEpoch: -1 };
    }
    const ids = ctx.runtime.service('producer-ids', (rt) => new ProducerIds(rt.cluster.store));
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId: ids.allocate(), producerEpoch: 0 };
  },
});
